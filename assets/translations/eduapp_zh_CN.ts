<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../eduapp/ui/launch.py" line="44"/>
        <source>{error}

Repair it now? EduApp recovers what can still be read and adds back what the latest backup holds; the damaged file is kept.</source>
        <translation>{error}

现在修复吗？EduApp 会找回仍可读取的内容，并补回最近一次备份中的内容；损坏的文件会被保留。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/launch.py" line="56"/>
        <source>{error}

Move the damaged file aside and start with an empty bank?</source>
        <translation>{error}

是否将损坏的文件移到一旁，并以空题库开始？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/launch.py" line="66"/>
        <source>The damaged bank was kept as {path}.</source>
        <translation>已将损坏的题库保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/launch.py" line="83"/>
        <source>The item bank is missing or empty, but the data folder has backups.

Restore the latest backup? The files it replaces are kept.</source>
        <translation>题库文件丢失或为空，但数据文件夹中有备份。

要恢复最新的备份吗？被替换的文件会被保留。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/launch.py" line="86"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/launch.py" line="87"/>
        <source>Start with an empty bank</source>
        <translation>从空题库开始</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <location filename="../../eduapp/ui/approval.py" line="34"/>
        <source>Approve flagged items?</source>
        <translation>批准有问题的题目？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/approval.py" line="35"/>
        <source>{n} of the items have problems that students should not see. Fix them first, or approve anyway: your name is recorded with the approval.</source>
        <translation>其中 {n} 道题存在不应让学生看到的问题。请先修改，或仍然批准：批准人的名字会被记录。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/approval.py" line="40"/>
        <source>Approve anyway</source>
        <translation>仍然批准</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="46"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="50"/>
        <source>EduApp backs up the item bank, the practice history, the settings and media before imports, upgrades, bulk status changes and emptying the trash, every {minutes} minutes while you work, and when you close it.</source>
        <translation>EduApp 会在导入、升级、批量更改状态和清空回收站之前，在你工作时每 {minutes} 分钟，以及关闭程序时，备份题库、练习记录、设置和媒体文件。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="57"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="57"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="57"/>
        <source>Items</source>
        <translation>题目数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="58"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="58"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="70"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="71"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="72"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="88"/>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="88"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="89"/>
        <source>on closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="89"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="90"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="91"/>
        <source>before a status change</source>
        <translation>更改状态前</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="92"/>
        <source>before emptying the trash</source>
        <translation>清空回收站前</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="93"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="105"/>
        <source>good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="105"/>
        <source>damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="106"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="119"/>
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="136"/>
        <source>Backed up: {name}</source>
        <translation>已备份：{name}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="139"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="147"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="148"/>
        <source>Go back to the backup of {when}? Changes made since then will no longer be in the bank. The current files are kept aside in the backups folder, not deleted.</source>
        <translation>要恢复到 {when} 的备份吗？此后所做的更改将不再出现在题库中。当前的文件会保存在备份文件夹中，不会被删除。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="156"/>
        <source>Restored the backup of {when}. The files it replaced are kept in {path}.</source>
        <translation>已恢复 {when} 的备份。被替换的文件保存在 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="161"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>BlueprintGrid</name>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="49"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="49"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="49"/>
        <source>Count</source>
        <translation>题数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="49"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="50"/>
        <source>Bloom level</source>
        <translation>布鲁姆层次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="50"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="50"/>
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="51"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="68"/>
        <source>Remember</source>
        <translation>记忆</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="68"/>
        <source>Understand</source>
        <translation>理解</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="69"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="69"/>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="70"/>
        <source>Evaluate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="70"/>
        <source>Create</source>
        <translation>创造</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="74"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="74"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="75"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="79"/>
        <source>Easy</source>
        <translation>易</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="79"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="80"/>
        <source>Hard</source>
        <translation>难</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="128"/>
        <location filename="../../eduapp/ui/exam_widgets.py" line="132"/>
        <location filename="../../eduapp/ui/exam_widgets.py" line="142"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="169"/>
        <source>text search: {q}</source>
        <translation>全文检索：{q}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="171"/>
        <source>tags: {t}</source>
        <translation>标签：{t}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="173"/>
        <source>language: {l}</source>
        <translation>语言：{l}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="175"/>
        <source>difficulty mix: {m}</source>
        <translation>难度配比：{m}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="240"/>
        <source>{n} questions match this row and can be used.</source>
        <translation>符合本行且可用的试题：{n} 道。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="243"/>
        <source>{n} more are drafts or reviewed, not approved (tick &quot;Include drafts&quot; to use them).</source>
        <translation>另有 {n} 道为草稿或已审阅、尚未批准（勾选“包含草稿”即可使用）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="246"/>
        <source>{n} more were used in recent exams.</source>
        <translation>另有 {n} 道已在近期考试中使用。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="249"/>
        <source>Cannot be filled: {want} wanted, {n} available.</source>
        <translation>无法组满：需要 {want} 道，可用 {n} 道。</translation>
    </message>
</context>
<context>
    <name>CaseChecks</name>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="54"/>
        <location filename="../../eduapp/ui/case_checks.py" line="107"/>
        <source>needs an id</source>
        <extracomment>the references known while a whole form is rechecked (see :meth:`refs_fixed`)</extracomment>
        <translation>需要编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="56"/>
        <location filename="../../eduapp/ui/case_checks.py" line="109"/>
        <source>the id may hold only letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>编号只能包含字母、数字、“_”和“-”</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="63"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="67"/>
        <source>must be one of the states: {ids}</source>
        <translation>必须是以下状态之一：{ids}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="70"/>
        <location filename="../../eduapp/ui/case_checks.py" line="225"/>
        <source>state {id} does not exist</source>
        <translation>状态 {id} 不存在</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="95"/>
        <source>introduces themself</source>
        <translation>自我介绍</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="96"/>
        <source>opens with an open question</source>
        <translation>以开放式问题开始</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="97"/>
        <source>shows empathy</source>
        <translation>表达共情</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="97"/>
        <source>summarises</source>
        <translation>进行总结</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="98"/>
        <source>asks if there is anything else</source>
        <translation>询问还有无其他问题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="99"/>
        <source>explains what happens next</source>
        <translation>解释下一步</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="100"/>
        <source>avoids medical jargon</source>
        <translation>不用医学术语</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="111"/>
        <source>another row has the id {id}</source>
        <translation>另一行的编号也是 {id}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="125"/>
        <source>needs the patient&apos;s answer</source>
        <translation>需要病人的回答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="127"/>
        <source>cannot be asked: give topics, keywords or example questions</source>
        <translation>无法被问到：请填写主题、关键词或示例问题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="130"/>
        <source>unknown topic {t} (not in the interview lexicon)</source>
        <translation>未知主题 {t}（不在问诊词库中）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="140"/>
        <source>needs a name and a finding</source>
        <translation>需要名称和查体所见</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="142"/>
        <source>minutes and cost must be numbers, 0 or more</source>
        <translation>分钟和费用必须是不小于 0 的数字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="151"/>
        <source>needs a name and a result</source>
        <translation>需要名称和结果</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="153"/>
        <source>cost and turnaround must be numbers, 0 or more</source>
        <translation>费用和出结果时间必须是不小于 0 的数字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="158"/>
        <source>needs a name</source>
        <translation>需要名称</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="170"/>
        <source>needs a title</source>
        <translation>需要标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="172"/>
        <source>has no items</source>
        <translation>没有条目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="189"/>
        <source>choose a section</source>
        <translation>请选择部分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="191"/>
        <source>needs the item&apos;s text</source>
        <translation>需要条目内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="193"/>
        <source>refers to nothing: choose what it refers to</source>
        <translation>没有对应内容：请选择对应内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="196"/>
        <location filename="../../eduapp/ui/case_checks.py" line="228"/>
        <source>refers to {refs}, which is not in the script</source>
        <translation>对应 {refs}，但脚本中没有</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="199"/>
        <source>the weight must be a number above 0</source>
        <translation>分值必须是大于 0 的数字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="213"/>
        <source>changes examination {ids}, which is not in the script</source>
        <translation>修改了查体 {ids}，但脚本中没有</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="231"/>
        <source>minutes must be a number</source>
        <translation>分钟必须是数字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_checks.py" line="234"/>
        <source>counters must be name=number</source>
        <translation>计数器须写作 名称=数字</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="84"/>
        <source>Case and patient</source>
        <extracomment>milliseconds of quiet after the last keystroke before the form is checked what is wrong in the form (the tables below call its row checks)</extracomment>
        <translation>病例与病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="85"/>
        <source>History</source>
        <translation>病史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="87"/>
        <source>Investigations</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="88"/>
        <source>Diagnosis and management</source>
        <translation>诊断与处理</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="89"/>
        <source>Checklist</source>
        <translation>评分表</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="90"/>
        <source>Debrief</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="91"/>
        <source>States and rules</source>
        <translation>状态与规则</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="137"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="137"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="138"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="138"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="147"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="147"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="156"/>
        <source>One learning objective a line</source>
        <translation>每行一个学习目标</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="157"/>
        <source>Case id:</source>
        <translation>病例编号：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="157"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="158"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="159"/>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="160"/>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="161"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="162"/>
        <source>Chief complaint:</source>
        <translation>主诉：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="163"/>
        <source>Opening line:</source>
        <translation>开场白：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="164"/>
        <source>Learning objectives:</source>
        <translation>学习目标：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="168"/>
        <source>The patient</source>
        <translation>病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="181"/>
        <source>e.g. mother (for a child); empty: the patient answers</source>
        <translation>如 母亲（儿童病例）；留空则由病人本人回答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="183"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="184"/>
        <source>Age (years):</source>
        <translation>年龄（岁）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="185"/>
        <source>Sex:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="186"/>
        <source>Occupation:</source>
        <translation>职业：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="187"/>
        <source>Setting:</source>
        <translation>场景：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="188"/>
        <source>Speech style:</source>
        <translation>说话方式：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="189"/>
        <source>Emotional state:</source>
        <translation>情绪状态：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="190"/>
        <source>Informant:</source>
        <translation>代诉人：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="194"/>
        <source>When the script has no answer</source>
        <translation>脚本中没有答案时</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="196"/>
        <source>the patient denies it</source>
        <translation>病人否认</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="197"/>
        <source>the patient is not sure</source>
        <translation>病人不确定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="198"/>
        <location filename="../../eduapp/ui/case_editor.py" line="200"/>
        <source>normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="199"/>
        <location filename="../../eduapp/ui/case_editor.py" line="201"/>
        <source>not available</source>
        <translation>无法进行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="203"/>
        <source>e.g. CNY, GBP</source>
        <translation>如 CNY、GBP</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="204"/>
        <source>A symptom not in the script:</source>
        <translation>脚本未列出的症状：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="205"/>
        <source>An examination not in the script:</source>
        <translation>脚本未列出的查体：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="207"/>
        <source>A test not in the script:</source>
        <translation>脚本未列出的检查：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="208"/>
        <source>Currency of costs:</source>
        <translation>费用货币：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="212"/>
        <source>The patient&apos;s stock replies (empty: the default)</source>
        <translation>病人的固定回答（留空则用默认）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="215"/>
        <source>Greeting:</source>
        <translation>问候：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="216"/>
        <source>Does not understand:</source>
        <translation>听不懂时：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="217"/>
        <source>Asks what is meant:</source>
        <translation>追问所指：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="218"/>
        <source>Denies a symptom:</source>
        <translation>否认症状：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="219"/>
        <source>After a summary:</source>
        <translation>学生总结后：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="220"/>
        <source>Anything else?:</source>
        <translation>“还有别的吗？”：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="221"/>
        <source>After empathy:</source>
        <translation>学生表示共情后：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="222"/>
        <source>After an explanation:</source>
        <translation>学生解释后：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="223"/>
        <source>Refuses (role break):</source>
        <translation>拒绝（试图脱离角色时）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="224"/>
        <source>Asked what the script does not hold:</source>
        <translation>问到病例中没有的内容时：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="236"/>
        <source>One row per fact a student may ask for. Topics are concepts of the shared interview lexicon (onset, location, smoking, fever…); keywords are this case&apos;s own words, in either language, separated by commas; example questions are separated by &apos;;&apos;. Leak terms give the fact away: the language model may not say them before the fact was asked for.</source>
        <translation>每行一个学生可能问到的事实。主题是共享问诊词库中的概念（起病、部位、吸烟、发热…）；关键词是本病例自己的用词，中英文均可，用逗号分隔；示例问题用“;”分隔。泄露词会透露该事实：学生问到之前，语言模型不得说出。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="243"/>
        <location filename="../../eduapp/ui/case_editor.py" line="283"/>
        <location filename="../../eduapp/ui/case_editor.py" line="304"/>
        <location filename="../../eduapp/ui/case_editor.py" line="342"/>
        <location filename="../../eduapp/ui/case_editor.py" line="390"/>
        <location filename="../../eduapp/ui/case_editor.py" line="434"/>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="244"/>
        <location filename="../../eduapp/ui/case_editor.py" line="308"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="247"/>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="248"/>
        <location filename="../../eduapp/ui/case_editor.py" line="288"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="249"/>
        <source>Example questions</source>
        <translation>示例问题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="250"/>
        <source>Leak terms</source>
        <translation>泄露词</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="251"/>
        <source>Add fact</source>
        <translation>添加事实</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="251"/>
        <source>Remove fact</source>
        <translation>删除事实</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="258"/>
        <source>Presenting complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="259"/>
        <source>History of the present illness</source>
        <translation>现病史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="260"/>
        <source>Review of systems</source>
        <translation>系统回顾</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="260"/>
        <source>Past history</source>
        <translation>既往史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="261"/>
        <source>Drugs</source>
        <translation>用药史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="261"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="262"/>
        <source>Family history</source>
        <translation>家族史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="262"/>
        <source>Social history</source>
        <translation>个人史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="263"/>
        <source>Ideas, concerns, expectations</source>
        <translation>想法、担忧与期望</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="263"/>
        <location filename="../../eduapp/ui/case_editor.py" line="273"/>
        <location filename="../../eduapp/ui/case_editor.py" line="310"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="268"/>
        <source>Vital signs</source>
        <translation>生命体征</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="269"/>
        <source>Cardiovascular</source>
        <translation>心血管</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="270"/>
        <source>Respiratory</source>
        <translation>呼吸系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="270"/>
        <source>Abdominal</source>
        <translation>腹部</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="271"/>
        <source>Neurological</source>
        <translation>神经系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="271"/>
        <source>Head and neck</source>
        <translation>头颈部</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="272"/>
        <source>Skin</source>
        <translation>皮肤</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="272"/>
        <source>Musculoskeletal</source>
        <translation>肌肉骨骼</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="273"/>
        <source>Ear, nose and throat</source>
        <translation>耳鼻喉</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="280"/>
        <source>Findings by system, as the student reads them after choosing the examination. Minutes of simulated time; cost in the case&apos;s currency.</source>
        <translation>按系统列出的查体所见，学生选择查体后看到。分钟为模拟时间；费用以病例的货币计。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="284"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="286"/>
        <location filename="../../eduapp/ui/case_editor.py" line="305"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="287"/>
        <source>Finding</source>
        <translation>查体所见</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="289"/>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="290"/>
        <location filename="../../eduapp/ui/case_editor.py" line="312"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="291"/>
        <source>Add examination</source>
        <translation>添加查体项目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="291"/>
        <source>Remove examination</source>
        <translation>删除查体项目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="300"/>
        <source>Tests the student can order: the result, its cost, and the turnaround in minutes until the result comes back. A test not listed here returns what the first tab says (normal, or not available).</source>
        <translation>学生可开的检查：结果、费用，以及出结果所需的分钟数。未列出的检查按第一个标签页的设置返回（正常，或无法进行）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="306"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="307"/>
        <location filename="../../eduapp/ui/case_editor.py" line="335"/>
        <location filename="../../eduapp/ui/case_editor.py" line="344"/>
        <source>Synonyms</source>
        <translation>同义词</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="309"/>
        <source>Laboratory</source>
        <translation>实验室</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="309"/>
        <source>Imaging</source>
        <translation>影像</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="310"/>
        <source>Bedside</source>
        <translation>床旁</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="313"/>
        <source>Turnaround (min)</source>
        <translation>出结果时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="314"/>
        <source>Add test</source>
        <translation>添加检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="314"/>
        <source>Remove test</source>
        <translation>删除检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="322"/>
        <source>Final diagnosis</source>
        <translation>最终诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="326"/>
        <source>Accepted other names, separated by commas (both languages)</source>
        <translation>可接受的其他名称，用逗号分隔（中英文均可）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="328"/>
        <source>Diagnosis:</source>
        <translation>诊断：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="329"/>
        <source>Synonyms:</source>
        <translation>同义词：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="331"/>
        <source>Differential diagnosis (referred to as differential:0, differential:1… in the checklist):</source>
        <translation>鉴别诊断（评分表中以 differential:0、differential:1… 引用）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="334"/>
        <location filename="../../eduapp/ui/case_editor.py" line="541"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="336"/>
        <source>Add diagnosis</source>
        <translation>添加诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="336"/>
        <source>Remove diagnosis</source>
        <translation>删除诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="340"/>
        <source>Expected management:</source>
        <translation>预期处理：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="343"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="345"/>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="345"/>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="355"/>
        <source>Style:</source>
        <translation>形式：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="356"/>
        <source>OSCE checklist</source>
        <translation>OSCE 评分表</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="357"/>
        <source>病史采集 (licensing exam)</source>
        <translation>病史采集（执业医师考试）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="359"/>
        <source>Global rating</source>
        <translation>总体评分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="364"/>
        <source>scale 1–</source>
        <translation>等级 1–</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="370"/>
        <source> points</source>
        <translation> 分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="376"/>
        <source>Sections, then the items with their weight in points and what each refers to (fact:ID, exam:ID, investigation:ID, management:ID, diagnosis, differential:N, skill:NAME; several separated by commas: any of them counts). Choose… lists everything in the script.</source>
        <translation>先列部分，再列条目及其分值和对应内容（fact:ID、exam:ID、investigation:ID、management:ID、diagnosis、differential:N、skill:NAME；多个用逗号分隔，做到其一即得分）。“选择对应内容…”列出脚本中的全部内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="381"/>
        <source>Section id</source>
        <translation>部分编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="382"/>
        <source>Section title</source>
        <translation>部分标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="383"/>
        <source>Add section</source>
        <translation>添加部分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="383"/>
        <source>Remove section</source>
        <translation>删除部分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="389"/>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="538"/>
        <source>Case id</source>
        <translation>病例编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="538"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="539"/>
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="540"/>
        <source>Opening line</source>
        <translation>开场白</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="541"/>
        <source>Initial state</source>
        <translation>初始状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="86"/>
        <source>Physical examination</source>
        <translation>体格检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="143"/>
        <source>Case details</source>
        <translation>病例信息</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="246"/>
        <source>Patient&apos;s answer</source>
        <translation>病人的回答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="252"/>
        <location filename="../../eduapp/ui/case_editor.py" line="292"/>
        <location filename="../../eduapp/ui/case_editor.py" line="315"/>
        <location filename="../../eduapp/ui/case_editor.py" line="337"/>
        <location filename="../../eduapp/ui/case_editor.py" line="346"/>
        <location filename="../../eduapp/ui/case_editor.py" line="384"/>
        <location filename="../../eduapp/ui/case_editor.py" line="395"/>
        <location filename="../../eduapp/ui/case_editor.py" line="440"/>
        <location filename="../../eduapp/ui/case_editor.py" line="456"/>
        <source>Row check</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="268"/>
        <source>General appearance</source>
        <translation>一般情况</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="391"/>
        <source>Checklist item</source>
        <translation>评分项目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="392"/>
        <source>Refers to</source>
        <translation>对应内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="393"/>
        <source>Weight</source>
        <translation>分值</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="394"/>
        <source>Add item</source>
        <translation>添加条目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="394"/>
        <source>Remove item</source>
        <translation>删除条目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="396"/>
        <source>Choose what it refers to…</source>
        <translation>选择对应内容…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="399"/>
        <source>Build the checklist from the script</source>
        <translation>根据脚本生成评分表</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="415"/>
        <source>One teaching point a line</source>
        <translation>每行一个教学要点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="416"/>
        <source>Summary of the case:</source>
        <translation>病例小结：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="417"/>
        <source>Teaching points:</source>
        <translation>教学要点：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="424"/>
        <source>States of the patient and the rules that move between them (each rule fires at most once). A state&apos;s examination changes are &apos;exam id: finding&apos; separated by &apos;|&apos;. Counters are name=value, separated by commas. Leave all empty for a case that does not change.</source>
        <translation>病人的状态及状态之间转换的规则（每条规则最多触发一次）。状态的查体变化写作“查体编号: 所见”，用“|”分隔。计数器写作 名称=数值，用逗号分隔。病情不变化的病例全部留空。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="429"/>
        <source>Initial state:</source>
        <translation>初始状态：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="435"/>
        <source>Description</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="436"/>
        <source>Observations</source>
        <translation>生命体征</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="437"/>
        <source>Patient says</source>
        <translation>病人说</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="438"/>
        <source>Examination changes</source>
        <translation>查体变化</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="439"/>
        <source>Add state</source>
        <translation>添加状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="439"/>
        <source>Remove state</source>
        <translation>删除状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="445"/>
        <source>Rule id</source>
        <translation>规则编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="446"/>
        <source>In state</source>
        <translation>所在状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="447"/>
        <source>After (min)</source>
        <translation>之后（分钟）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="449"/>
        <source>When done</source>
        <translation>已做</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="450"/>
        <source>When not done</source>
        <translation>未做</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="451"/>
        <source>Counters at least</source>
        <translation>计数器至少为</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="452"/>
        <source>Go to state</source>
        <translation>转到状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="453"/>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="454"/>
        <source>Add to counters</source>
        <translation>计数器增加</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="455"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_editor.py" line="455"/>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
</context>
<context>
    <name>DataGuard</name>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="285"/>
        <source>Read-only: this data folder cannot be changed</source>
        <translation>只读：此数据文件夹无法更改</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="286"/>
        <source>The data folder {path} is on a read-only medium or you may not write to it. You can search, practise, export and print, but not change the bank.</source>
        <translation>数据文件夹 {path} 位于只读介质上，或你没有写入权限。你可以搜索、练习、导出和打印，但不能更改题库。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="311"/>
        <source>The bank is damaged: use Tools → Check database</source>
        <translation>题库已损坏：请使用“工具 → 检查数据库”</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="319"/>
        <source>The bank is damaged</source>
        <translation>题库已损坏</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="320"/>
        <source>The item bank in {path} is damaged ({problem}). Searches and counts may be wrong until it is repaired.</source>
        <translation>{path} 中的题库已损坏（{problem}）。修复之前，搜索和统计结果可能不正确。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="323"/>
        <source>Repair recovers what can still be read and adds back what the latest backup holds; the damaged file is kept.</source>
        <translation>修复会找回仍可读取的内容，并补回最近一次备份中的内容；损坏的文件会被保留。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="326"/>
        <location filename="../../eduapp/ui/safety.py" line="380"/>
        <location filename="../../eduapp/ui/safety.py" line="403"/>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="327"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="328"/>
        <source>Open another folder…</source>
        <translation>打开其他文件夹…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="329"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="346"/>
        <location filename="../../eduapp/ui/safety.py" line="352"/>
        <location filename="../../eduapp/ui/safety.py" line="354"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="355"/>
        <source>EduApp will open {path} the next time it starts.</source>
        <translation>EduApp 下次启动时将打开 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="367"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="373"/>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="394"/>
        <source>Repairing…</source>
        <translation>正在修复…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="423"/>
        <source>Backed up</source>
        <translation>已备份</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="427"/>
        <source>The automatic backup failed: {error}</source>
        <translation>自动备份失败：{error}</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="285"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="291"/>
        <source>Edit Markdown</source>
        <translation>编辑 Markdown</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="294"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="315"/>
        <source>Lecture notes</source>
        <translation>讲义</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="315"/>
        <source>Case study</source>
        <translation>病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="316"/>
        <source>Handout</source>
        <translation>讲义资料</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="323"/>
        <source>No lecture notes or case studies yet</source>
        <translation>还没有讲义或病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="340"/>
        <source>Generate lecture notes or a case study, or choose a document above.</source>
        <translation>生成讲义或病例分析，或在上方选择一份文档。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="345"/>
        <source>{kind} · {status} · saved in the document store</source>
        <translation>{kind} · {status} · 已保存在文档库中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="348"/>
        <source>written by the built-in model: low quality, check it carefully</source>
        <translation>由内置模型撰写：质量较低，请仔细核对</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="360"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="360"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="361"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="361"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>DraftList</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="223"/>
        <source>✓ no findings</source>
        <translation>✓ 未发现问题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="227"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="227"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="228"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="238"/>
        <source>#{id} · {type} · {topic} · {badge}</source>
        <translation>#{id} · {type} · {topic} · {badge}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="246"/>
        <source>The quality gate found nothing.</source>
        <translation>质量检查未发现问题。</translation>
    </message>
</context>
<context>
    <name>ExamItemTable</name>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="274"/>
        <source>No.</source>
        <translation>题号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="274"/>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="274"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="275"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="275"/>
        <source>Set</source>
        <translation>题组</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="275"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="304"/>
        <source>Set {n} ({m}/{k})</source>
        <translation>题组{n}（{m}/{k}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="313"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>ExamsPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="62"/>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="98"/>
        <source>Examination</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="106"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="107"/>
        <source>not printed</source>
        <translation>不打印</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="109"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="110"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="117"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="118"/>
        <source>The same seed, bank and blueprint give the same exam; &quot;random&quot; draws a new one each time.</source>
        <translation>相同的随机种子、题库和组卷蓝图会得到相同的试卷；“随机”则每次重新抽题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="120"/>
        <source>Include drafts</source>
        <translation>包含草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="121"/>
        <source>Also use draft and reviewed items, not only approved ones.</source>
        <translation>除已批准的试题外，也使用草稿和已审阅的试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="123"/>
        <source>Allow siblings</source>
        <translation>允许同源题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="125"/>
        <source>Allow several questions generated from one item model on the same form (they are near-variants of each other, so by default only one is used).</source>
        <translation>允许同一份试卷中出现由同一题目模型生成的多道题（它们彼此相近，默认只用其中一道）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="132"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="133"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="133"/>
        <source>Duration</source>
        <translation>考试时长</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="135"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="132"/>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="134"/>
        <source>Forms</source>
        <translation>卷数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="134"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="136"/>
        <source>Candidate digits</source>
        <translation>准考证号位数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="159"/>
        <source>Blueprint</source>
        <translation>组卷蓝图</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="165"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="166"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="167"/>
        <source>Load…</source>
        <translation>载入…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="168"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="169"/>
        <source>Stored exams…</source>
        <translation>已存试卷…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="170"/>
        <source>Open an exam built before, to preview or export it again.</source>
        <translation>打开以前组好的试卷，再次预览或导出。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="174"/>
        <source>Build exam</source>
        <translation>组卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="191"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="495"/>
        <source>Shortfalls</source>
        <translation>缺口</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="200"/>
        <source>Generate drafts for this cell</source>
        <translation>为此单元生成草稿题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="203"/>
        <source>Ask the default language-model provider for draft questions that fit this cell; they go to the bank as drafts for review.</source>
        <translation>请默认的语言模型服务生成符合此单元的草稿题；它们将作为草稿存入题库，等待审阅。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="211"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="218"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="219"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="220"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="221"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="579"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="581"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="222"/>
        <source>A locked question (or set) keeps its place in every form.</source>
        <translation>锁定的试题（或题组）在每套试卷中都保持原位。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="235"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="241"/>
        <source>Export PDFs…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="242"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="294"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="304"/>
        <source>Load blueprint</source>
        <translation>载入组卷蓝图</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="295"/>
        <source>Blueprints (*.json);;All files (*)</source>
        <translation>组卷蓝图 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="310"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="321"/>
        <source>Save blueprint</source>
        <translation>保存组卷蓝图</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="311"/>
        <source>Blueprints (*.json)</source>
        <translation>组卷蓝图 (*.json)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="322"/>
        <source>Cannot write {path} ({error}).</source>
        <translation>无法写入 {path}（{error}）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="327"/>
        <source>1 question asked for</source>
        <translation>需要 1 道题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="328"/>
        <source>{n} questions asked for</source>
        <translation>共需 {n} 道题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="370"/>
        <source>Choosing questions…</source>
        <translation>正在抽题…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="370"/>
        <source>Making the forms…</source>
        <translation>正在生成各套试卷…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="382"/>
        <source>Assembling the exam…</source>
        <translation>正在组卷…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="390"/>
        <source>Last exam built with seed {seed}.</source>
        <translation>上次组卷使用的随机种子为 {seed}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="395"/>
        <source>Nothing could be assembled: no question in the bank fits the blueprint.</source>
        <translation>无法组卷：题库中没有符合组卷蓝图的试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="427"/>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="431"/>
        <source>{row} ({topic})</source>
        <translation>{row}（{topic}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="437"/>
        <source>{n} usable available</source>
        <translation>可用 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="438"/>
        <source>{n} approved available</source>
        <translation>已审核可用 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="439"/>
        <source>{row}: {needed} needed, {available}</source>
        <translation>{row}：需要 {needed} 题，{available}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="442"/>
        <source>, {n} placed</source>
        <translation>，已选入 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="445"/>
        <source>{n} used in the last {window} exam(s)</source>
        <translation>{n} 题在最近 {window} 次考试中用过</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="448"/>
        <source>{n} already used by another row</source>
        <translation>{n} 题已被其他行选用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="450"/>
        <source>{n} near-duplicate(s) of chosen items skipped</source>
        <translation>跳过 {n} 道与已选试题近似重复的题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="453"/>
        <source>{n} skipped: another item of the same item model is on the exam</source>
        <translation>{n} 道未选：同一题目模型的另一道题已在试卷中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="456"/>
        <source>{n} item set(s) too large for the remaining count</source>
        <translation>{n} 个题组超出剩余题量</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="459"/>
        <source>{n} draft or reviewed not included: tick “Include drafts” to use them</source>
        <translation>{n} 道草稿或待审试题未计入，勾选“包含草稿”即可使用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="463"/>
        <source> ({reasons})</source>
        <translation>（{reasons}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="463"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="472"/>
        <source>Row {row}: {found} of {needed} placed; {missing} missing.</source>
        <translation>第 {row} 行：需要 {needed} 道，已选 {found} 道，缺 {missing} 道。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="478"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="479"/>
        <source>{band}: {n} short</source>
        <translation>{band}缺 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="482"/>
        <source>{row}: difficulty mix approximated ({bands})</source>
        <translation>{row}：难度配比只能近似满足（{bands}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="489"/>
        <source>Cells not filled: {n}. The exam holds what was found.</source>
        <translation>未组满的单元：{n} 个。试卷仅包含已找到的试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="492"/>
        <source>Every cell of the blueprint was filled.</source>
        <translation>组卷蓝图的每个单元均已组满。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="494"/>
        <source>Shortfalls ({n})</source>
        <translation>缺口（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="520"/>
        <source>1 draft question stored for review. Approve it in the Item bank, or tick &quot;Include drafts&quot;, then build again.</source>
        <translation>已保存 1 道草稿题待审核。请在题库中批准，或勾选“包含草稿”，然后重新组卷。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="522"/>
        <source>{n} draft questions stored for review. Approve them in the Item bank, or tick &quot;Include drafts&quot;, then build again.</source>
        <translation>已保存 {n} 道草稿题待审阅。请在题库中批准它们，或勾选“包含草稿”，然后重新组卷。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="525"/>
        <source>{n} could not be produced:</source>
        <translation>{n} 道未能生成：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="530"/>
        <source>Generate drafts</source>
        <translation>生成草稿题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="537"/>
        <source>Generating {n} draft questions…</source>
        <translation>正在生成 {n} 道草稿题…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="550"/>
        <source>Build an exam to preview its papers, keys and answer sheets here.</source>
        <translation>组卷后可在此预览试卷、答案和答题卡。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="561"/>
        <source>1 question</source>
        <translation>1 道题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="562"/>
        <source>{n} questions</source>
        <translation>{n} 道题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="563"/>
        <source>1 mark</source>
        <translation>1 分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="563"/>
        <source>{m:g} marks</source>
        <translation>{m:g} 分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="718"/>
        <source>The data folder is read-only: {n} PDFs and the manifest were written to {path}, but the exam was not stored.</source>
        <translation>数据文件夹为只读：已将 {n} 个 PDF 和清单写入 {path}，但考试未被保存。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="765"/>
        <source>Opened exam {id} ({title}).</source>
        <translation>已打开试卷 {id}（{title}）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="579"/>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="658"/>
        <source>Form {code}: paper</source>
        <translation>{code} 卷：试卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="660"/>
        <source>Form {code}: answer key</source>
        <translation>{code} 卷：答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="662"/>
        <source>Form {code}: answer sheet</source>
        <translation>{code} 卷：答题卡</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="664"/>
        <source>Teacher&apos;s version</source>
        <translation>教师版</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="686"/>
        <source>The preview could not be made.</source>
        <translation>无法生成预览。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="688"/>
        <source>Rendering the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="698"/>
        <source>Export PDFs into</source>
        <translation>将 PDF 导出到</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="723"/>
        <source>Exam {id} stored; {n} PDFs and the manifest written to {path}.</source>
        <translation>已保存考试 {id}；{n} 个 PDF 及清单已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="727"/>
        <source>Writing the PDFs…</source>
        <translation>正在写入 PDF…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="264"/>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="303"/>
        <source>Export items</source>
        <extracomment>items the format could not hold (``{&quot;item&quot;, &quot;uid&quot;, &quot;message&quot;}``), after export</extracomment>
        <translation>导出试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="268"/>
        <source>Selected items ({n})</source>
        <translation>选中的试题（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="269"/>
        <source>Items shown by the current search ({n})</source>
        <translation>当前搜索显示的试题（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="270"/>
        <source>The whole bank</source>
        <translation>整个题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="281"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="284"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="288"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="291"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="323"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>FeedbackPanel</name>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="36"/>
        <source>How well did you know it?</source>
        <translation>你掌握得怎么样？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="39"/>
        <source>1 Again</source>
        <translation>1 重来</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="39"/>
        <source>2 Hard</source>
        <translation>2 困难</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="40"/>
        <source>3 Good</source>
        <translation>3 良好</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="40"/>
        <source>4 Easy</source>
        <translation>4 简单</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="60"/>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="60"/>
        <source>Partly right</source>
        <translation>部分正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="61"/>
        <location filename="../../eduapp/ui/practice_feedback.py" line="127"/>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="74"/>
        <source>Ask the tutor about this question</source>
        <translation>就此题向辅导老师提问</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="77"/>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="91"/>
        <source>Mark your answer:</source>
        <translation>给你的答案评分：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="92"/>
        <source>Disagree? Your mark:</source>
        <translation>不同意？你的评分：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="112"/>
        <source>Press 1-4. Your rating sets when this question comes back for review.</source>
        <translation>按 1-4 评分。你的评分决定这道题何时再次复习。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="115"/>
        <source>Unless you rate it, it counts as {rating}.</source>
        <translation>如果你不评分，将按“{rating}”计。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="124"/>
        <source>Compare your answer with the model answer and mark it.</source>
        <translation>请将你的答案与参考答案比较并评分。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="131"/>
        <source>Partly right ({score:.0%})</source>
        <translation>部分正确（{score:.0%}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="134"/>
        <source>Not right ({score:.0%})</source>
        <translation>不正确（{score:.0%}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="139"/>
        <source> (your answer)</source>
        <translation>（你的答案）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="146"/>
        <source>Model answer:</source>
        <translation>参考答案：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="148"/>
        <source>Rubric:</source>
        <translation>评分标准：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="150"/>
        <source>Missing:</source>
        <translation>遗漏要点：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="154"/>
        <source>Your own mark: {score:.0%}</source>
        <translation>你的自评：{score:.0%}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="159"/>
        <source>References:</source>
        <translation>参考文献：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="167"/>
        <source>this question</source>
        <translation>本题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="171"/>
        <source>{provider} ({model}) did not answer (not reachable or failed), so here are the explanations and notes.</source>
        <translation>{provider}（{model}）没有回答（无法连接或出错），以下是本题解析和讲义。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_feedback.py" line="174"/>
        <source>Sources: {s}</source>
        <translation>来源：{s}</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <location filename="../../eduapp/ui/findings_list.py" line="45"/>
        <source>No findings.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/findings_list.py" line="56"/>
        <source>Rule: {rule}. Click to show the words in the item.</source>
        <translation>规则：{rule}。点击即在题目中选中相关文字。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/findings_list.py" line="57"/>
        <source>Rule: {rule}.</source>
        <translation>规则：{rule}。</translation>
    </message>
</context>
<context>
    <name>GeneratePage</name>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="80"/>
        <location filename="../../eduapp/ui/pages/generate.py" line="104"/>
        <source>Generate</source>
        <extracomment>Most drafts the review queue shows at once (newest first). Most documents in the document menu.</extracomment>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="109"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="127"/>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="131"/>
        <source>Notes and case studies</source>
        <translation>讲义与病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="157"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="158"/>
        <source>Mark as reviewed: checked by a person, not yet approved for exams</source>
        <translation>标记为已审阅：已由人工检查，尚未批准用于考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="160"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="161"/>
        <source>Approve for use in exams (your decision)</source>
        <translation>批准用于考试（由您决定）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="162"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="163"/>
        <source>Write a replacement with the same request and discard this draft</source>
        <translation>按相同要求重写一道题，并丢弃此草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="165"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="166"/>
        <source>Move to the bank&apos;s trash</source>
        <translation>移入题库回收站</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="268"/>
        <source>{progress} · {seconds} s</source>
        <translation>{progress} · {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="276"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="300"/>
        <source>Cancelled. Nothing was stored.</source>
        <translation>已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="304"/>
        <source>Something went wrong; nothing was stored.</source>
        <translation>出错了，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="317"/>
        <source>Give a topic to generate about.</source>
        <translation>请填写要生成内容的知识点。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="326"/>
        <source>Waiting for {provider}…</source>
        <translation>正在等待 {provider}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="340"/>
        <source>{done} of {total} questions written</source>
        <translation>已写出 {done}/{total} 道题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="351"/>
        <source>{tokens} tokens so far</source>
        <translation>已生成 {tokens} 个词元</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="364"/>
        <source>1 draft question is waiting for your review.</source>
        <translation>1 道草稿题等待你审核。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="366"/>
        <source>{n} draft questions are waiting for your review.</source>
        <translation>{n} 道草稿题正等待您审核。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="369"/>
        <source>These drafts were stored earlier; nothing new was generated.</source>
        <translation>这些草稿此前已保存，未生成新内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="371"/>
        <source>{n} could not be produced: {why}</source>
        <translation>{n} 道未能生成：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="380"/>
        <source>“{title}” is saved as a draft document. Read it, edit it if needed, and save.</source>
        <translation>“{title}”已保存为草稿文档。请阅读，必要时修改后保存。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="409"/>
        <source>1 draft waiting for review</source>
        <translation>1 道草稿待审核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="410"/>
        <source>{n} drafts waiting for review</source>
        <translation>{n} 份草稿等待审核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="408"/>
        <source>No drafts waiting for review.</source>
        <translation>没有等待审核的草稿。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="411"/>
        <source>Review queue ({n})</source>
        <translation>审核队列（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="478"/>
        <source>Select one draft to read and edit it.</source>
        <translation>选择一份草稿以查看和编辑。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="480"/>
        <source>{n} drafts selected.</source>
        <translation>已选择 {n} 份草稿。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="506"/>
        <source>Approved {n} items.</source>
        <translation>已批准 {n} 道题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="506"/>
        <source>Approved 1 item.</source>
        <translation>已批准 1 道试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="508"/>
        <source>Accepted 1 item as reviewed.</source>
        <translation>已将 1 道试题标为已审核。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="509"/>
        <source>Accepted {n} items as reviewed.</source>
        <translation>已将 {n} 道题标记为已审阅。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="532"/>
        <source>Discarded 1 draft.</source>
        <translation>已丢弃 1 道草稿。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="533"/>
        <source>Discarded {n} drafts.</source>
        <translation>已丢弃 {n} 份草稿。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="550"/>
        <source>Writing a replacement for draft #{id} with {provider}…</source>
        <translation>正在用 {provider} 重写草稿 #{id}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="561"/>
        <source>Draft #{old} was replaced by #{new}.</source>
        <translation>草稿 #{old} 已被 #{new} 替换。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="576"/>
        <source>Saved draft #{id} (version {v}).</source>
        <translation>已保存草稿 #{id}（第 {v} 版）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="618"/>
        <source>Saved “{title}”.</source>
        <translation>已保存“{title}”。</translation>
    </message>
</context>
<context>
    <name>GenerationForm</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="84"/>
        <location filename="../../eduapp/ui/generate_widgets.py" line="104"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="84"/>
        <source>Lecture notes</source>
        <translation>讲义</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="85"/>
        <source>Case study</source>
        <translation>病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="88"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="90"/>
        <source>e.g. atrial fibrillation, 急性心肌梗死</source>
        <translation>例如：心房颤动、急性心肌梗死</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="91"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="93"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="94"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="97"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="101"/>
        <source>Provider</source>
        <translation>模型服务</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="110"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="114"/>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="116"/>
        <location filename="../../eduapp/ui/generate_widgets.py" line="121"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="119"/>
        <source>Bloom level</source>
        <translation>布鲁姆层次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="121"/>
        <source>Easy (p ≈ 0.85)</source>
        <translation>容易（p ≈ 0.85）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="122"/>
        <source>Moderate (p ≈ 0.65)</source>
        <translation>中等（p ≈ 0.65）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="123"/>
        <source>Hard (p ≈ 0.45)</source>
        <translation>较难（p ≈ 0.45）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="125"/>
        <source>Expected facility index: the share of candidates who answer correctly</source>
        <translation>预期难度指数：答对考生所占比例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="127"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="129"/>
        <source>one learning objective per line (optional)</source>
        <translation>每行一个学习目标（可选）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="132"/>
        <source>Objectives</source>
        <translation>学习目标</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="133"/>
        <source>Verify answers with a second blind call</source>
        <translation>用第二次盲答调用核对答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="135"/>
        <source>The model answers each question without seeing the key; a disagreement becomes a finding.</source>
        <translation>模型在看不到答案的情况下作答；结果不一致时会记为一条质量问题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="140"/>
        <source>Source text (optional): your notes or a guideline excerpt to base the content on</source>
        <translation>参考文本（可选）：作为内容依据的笔记或指南摘录</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="145"/>
        <source>Paste text here…</source>
        <translation>在此粘贴文本…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="153"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="153"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="154"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="154"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="155"/>
        <source>Clinical vignette (single best answer)</source>
        <translation>病例题（单项最佳选择）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="159"/>
        <source>Remember</source>
        <translation>记忆</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="159"/>
        <source>Understand</source>
        <translation>理解</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="160"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="160"/>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="161"/>
        <source>Evaluate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="161"/>
        <source>Create</source>
        <translation>创造</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="180"/>
        <source>Built-in model (offline, low quality)</source>
        <translation>内置模型（离线，质量较低）</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../eduapp/ui/item_history.py" line="26"/>
        <source>Item history</source>
        <translation>试题历史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_history.py" line="35"/>
        <source>Version {n} · {when} · {note}</source>
        <translation>第 {n} 版 · {when} · {note}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_history.py" line="44"/>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <location filename="../../eduapp/ui/image_list.py" line="51"/>
        <source>Add image…</source>
        <extracomment>The image types Add image… accepts (its file dialog offers these).</extracomment>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/image_list.py" line="52"/>
        <source>Remove image</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/image_list.py" line="85"/>
        <source>Add image</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/image_list.py" line="86"/>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/image_list.py" line="93"/>
        <location filename="../../eduapp/ui/image_list.py" line="98"/>
        <source>Cannot add image</source>
        <translation>无法添加图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/image_list.py" line="99"/>
        <source>{name} is not a PNG, JPEG or GIF image.</source>
        <translation>{name} 不是 PNG、JPEG 或 GIF 图片。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/image_list.py" line="123"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="54"/>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="108"/>
        <source>Import items</source>
        <extracomment>File formats by the names people know them by. Formats offered for import and export (names of the interop registry).</extracomment>
        <translation>导入试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="60"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="68"/>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="70"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="72"/>
        <source>As the file says, else detected from the text</source>
        <translation>按文件所标注，否则根据文本自动识别</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="73"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="74"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="76"/>
        <source>Language of the items</source>
        <translation>试题语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="78"/>
        <source>optional, e.g. Year 3/Cardiology</source>
        <translation>可选，例如 三年级/心血管</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="79"/>
        <source>Put into category</source>
        <translation>放入分类</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="80"/>
        <source>Reject a whole file on its first error</source>
        <translation>文件中出现第一个错误即拒绝整个文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="84"/>
        <source>File / entry</source>
        <translation>文件 / 条目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="84"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="85"/>
        <source>Decision</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="92"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="109"/>
        <source>Item files (*.json *.xml *.gift *.txt *.csv *.zip *.apkg);;All files (*)</source>
        <translation>试题文件 (*.json *.xml *.gift *.txt *.csv *.zip *.apkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="122"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="137"/>
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="146"/>
        <source>Like items in your bank ({n})</source>
        <translation>与题库中已有题目相似（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="147"/>
        <source>Choose for each: nothing is rewritten unless you say so</source>
        <translation>请逐题选择：除非你指定，否则不会改写任何题目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="151"/>
        <source>same ID number as bank item #{id} ({status}), other content ({score:.0f}% alike)</source>
        <translation>与题库题目 #{id}（{status}）编号相同，但内容不同（相似度 {score:.0f}%）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="154"/>
        <source>{score:.0f}% like bank item #{id} ({status})</source>
        <translation>与题库题目 #{id}（{status}）相似度 {score:.0f}%</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="160"/>
        <source>Bank item #{id}: {stem}</source>
        <translation>题库题目 #{id}：{stem}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="163"/>
        <source>Keep the bank&apos;s item</source>
        <translation>保留题库中的题目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="164"/>
        <source>Replace it (new version)</source>
        <translation>替换它（新版本）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="165"/>
        <source>Import as a new item</source>
        <translation>作为新题导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="179"/>
        <source>single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="179"/>
        <source>multiple response</source>
        <translation>多选题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="180"/>
        <source>true/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="180"/>
        <source>short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="181"/>
        <source>matching</source>
        <translation>配伍题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="181"/>
        <source>numerical</source>
        <translation>计算题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="182"/>
        <source>essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="182"/>
        <source>cloze</source>
        <translation>填空题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="183"/>
        <source>description</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="193"/>
        <source>cannot be imported: {why}</source>
        <translation>无法导入：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="202"/>
        <source>{type} {n}</source>
        <translation>{type} {n} 道</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="207"/>
        <source>{fmt}: {n} items ({parts}), {sets} sets, {docs} documents; languages: {langs}</source>
        <translation>{fmt}：{n} 道试题（{parts}），{sets} 个题组，{docs} 篇文档；语言：{langs}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="218"/>
        <source>note: {message}</source>
        <translation>提示：{message}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="222"/>
        <source>{n} items ready to import.</source>
        <translation>{n} 道试题可以导入。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="235"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="245"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="367"/>
        <source>Virtual patients</source>
        <translation>虚拟病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="84"/>
        <source>Student:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="80"/>
        <source>Patient interview</source>
        <translation>病人问诊</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="97"/>
        <source>Choose a patient. Interview them, examine, order tests, then give your diagnosis and plan; you are scored like an OSCE station.</source>
        <translation>选择一位病人：问诊、查体、开检查，然后给出诊断和处理意见；评分方式与 OSCE 考站相同。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="104"/>
        <source>Role-play the patient with the language model</source>
        <translation>由语言模型扮演病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="105"/>
        <source>Uses the default provider from Settings. Its answers are checked so that they never give away the diagnosis; without it, the offline engine answers from the case script.</source>
        <translation>使用“设置”中的默认模型。其回答会经过检查，绝不泄露诊断；不勾选时，由离线引擎根据病例脚本回答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="111"/>
        <source>Start encounter</source>
        <translation>开始接诊</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="131"/>
        <source>Ask the patient a question and press Enter</source>
        <translation>向病人提问，按回车发送</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="135"/>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="140"/>
        <source>Read the patient&apos;s answers aloud</source>
        <translation>朗读病人的回答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="158"/>
        <source>Physical examination</source>
        <translation>体格检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="163"/>
        <source>Examine</source>
        <translation>查体</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="167"/>
        <source>Investigations</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="174"/>
        <source>Another test…</source>
        <translation>其他检查…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="177"/>
        <source>Order</source>
        <translation>开检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="181"/>
        <source>Wait 10 minutes for results</source>
        <translation>等待 10 分钟出结果</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="185"/>
        <source>Diagnosis and plan</source>
        <translation>诊断与处理</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="188"/>
        <source>Leading diagnosis; differential…</source>
        <translation>主要诊断；鉴别诊断…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="189"/>
        <source>Diagnosis:</source>
        <translation>诊断：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="191"/>
        <source>Management, one step a line</source>
        <translation>处理措施，每行一条</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="193"/>
        <source>Plan:</source>
        <translation>处理：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="194"/>
        <source>Submit diagnosis and plan</source>
        <translation>提交诊断和处理</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="198"/>
        <source>Finish and see the debrief</source>
        <translation>结束并查看复盘</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="212"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="219"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="224"/>
        <source>Back to the cases</source>
        <translation>返回病例列表</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="253"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="253"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="299"/>
        <source>{name} · {cost}{unit} · {minutes} min</source>
        <translation>{name} · {cost}{unit} · {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="318"/>
        <source>Time {mm}:{ss:02d} · simulated {sim} min · cost {cost}{unit}</source>
        <translation>用时 {mm}:{ss:02d} · 模拟 {sim} 分钟 · 费用 {cost}{unit}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="350"/>
        <source>The patient is answering…</source>
        <translation>病人正在回答…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="357"/>
        <source>Observations: {vitals}</source>
        <translation>生命体征：{vitals}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="444"/>
        <source>No text-to-speech voice for this language on this computer; the answers are shown only.</source>
        <translation>本机没有该语言的语音朗读声音，回答只以文字显示。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="491"/>
        <source>Marking your diagnosis and plan…</source>
        <translation>正在评判你的诊断和处理…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="544"/>
        <source>Debrief saved to {path}</source>
        <translation>复盘已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="586"/>
        <source>{item} (partly done: {share})</source>
        <translation>{item}（部分完成：{share}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="605"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="615"/>
        <source>Your diagnosis: {d}</source>
        <translation>你的诊断：{d}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="616"/>
        <source>Expected: {x}</source>
        <translation>正确诊断：{x}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="620"/>
        <source>Differential you considered: {d}</source>
        <translation>你考虑的鉴别诊断：{d}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="622"/>
        <source>Checklist by section</source>
        <translation>评分表各部分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="633"/>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="637"/>
        <source>{n} not understood</source>
        <translation>{n} 个未被理解</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="638"/>
        <source>1 examination</source>
        <translation>查体 1 项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="639"/>
        <source>{n} examinations</source>
        <translation>查体 {n} 项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="640"/>
        <source>1 test</source>
        <translation>检查 1 项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="640"/>
        <source>{n} tests</source>
        <translation>检查 {n} 项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="641"/>
        <source>cost {c} {cur}</source>
        <translation>费用 {c} {cur}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="642"/>
        <source>{m} simulated minutes</source>
        <translation>模拟用时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="643"/>
        <source>real time {mm}:{ss:02d}</source>
        <translation>实际用时 {mm}:{ss:02d}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="644"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="646"/>
        <source>Management</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="647"/>
        <source>Done: {done}</source>
        <translation>已做：{done}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="648"/>
        <source>Missed: {missed}</source>
        <translation>遗漏：{missed}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="651"/>
        <source>The case</source>
        <translation>病例小结</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="653"/>
        <source>Teaching points</source>
        <translation>教学要点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="655"/>
        <source>Transcript</source>
        <translation>对话记录</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="523"/>
        <source>Export debrief</source>
        <translation>导出复盘</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="525"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="540"/>
        <source>Writing the PDF…</source>
        <extracomment>the folder a debrief was saved to last (this session)</extracomment>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="569"/>
        <source>No diagnosis was submitted.</source>
        <translation>未提交诊断。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="571"/>
        <source>Your leading diagnosis names the expected diagnosis or one of its accepted synonyms.</source>
        <translation>你的首要诊断与正确诊断或其认可的同义名称一致。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="574"/>
        <source>Your leading diagnosis matches none of the accepted names, and the language model could not judge it ({why}).</source>
        <translation>你的首要诊断与认可的名称都不一致，语言模型也未能判定（{why}）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="578"/>
        <source>Judged by the language model: {why}</source>
        <translation>由语言模型判定：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="579"/>
        <source>Your leading diagnosis (the first one you wrote) matches neither the expected diagnosis nor its accepted synonyms.</source>
        <translation>你的首要诊断（写在最前面的一个）与正确诊断及其认可的同义名称都不一致。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="606"/>
        <source>Score: {total} / 100</source>
        <translation>得分：{total} / 100</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="609"/>
        <source>Global rating (derived from the checklist): {r} / {s}</source>
        <translation>整体评分（由评分表推算）：{r} / {s}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="612"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="613"/>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="613"/>
        <source>not correct</source>
        <translation>不正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="623"/>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="623"/>
        <source>Points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="623"/>
        <source>Missed</source>
        <translation>遗漏项目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="636"/>
        <source>1 question asked</source>
        <translation>提问 1 个</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="636"/>
        <source>{n} questions asked</source>
        <translation>提问 {n} 个</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="656"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="656"/>
        <source>Patient</source>
        <translation>病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/interview.py" line="657"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>ItemBankPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="54"/>
        <source>Item bank</source>
        <extracomment>what Ctrl+Z undoes, newest last: ``(&quot;delete&quot;, ids)`` or ``(&quot;edit&quot;, id, version)``</extracomment>
        <translation>题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="60"/>
        <source>Search stems, options, explanations, tags (English or 中文)</source>
        <translation>搜索题干、选项、解析、标签（中文或英文）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="67"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="67"/>
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="68"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="68"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="69"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="70"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="71"/>
        <source>Last review</source>
        <translation>最近审核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="92"/>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="115"/>
        <source>New item</source>
        <translation>新建试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="116"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="118"/>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="127"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="120"/>
        <source>Preview as student…</source>
        <translation>以学生视角预览…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="121"/>
        <source>Try the selected item as a student sees it in practice.</source>
        <translation>按学生练习时看到的样子试做所选试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="124"/>
        <source>Trash…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="132"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="133"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="155"/>
        <source>Statistics: select an item.</source>
        <translation>统计：请选择一道试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="197"/>
        <source>Reviewed before {year} or never</source>
        <translation>{year}年以前审核或从未审核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="200"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="200"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="204"/>
        <source>All types</source>
        <translation>全部题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="204"/>
        <source>All topics</source>
        <translation>全部知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="205"/>
        <source>All systems</source>
        <translation>全部系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="206"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="206"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="207"/>
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="207"/>
        <source>All exam types</source>
        <translation>全部考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="208"/>
        <source>Any review date</source>
        <translation>任意审核日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="234"/>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="286"/>
        <source>1 item</source>
        <translation>1 道试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="287"/>
        <source>{n} items</source>
        <translation>{n} 道试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="402"/>
        <source>Practice: nobody has answered it yet.</source>
        <translation>练习：尚无人作答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="404"/>
        <source>Practice: {n} students · facility p = {p} · point-biserial r_pb = {r}</source>
        <translation>练习：{n} 名学生 · 难度 p = {p} · 点二列相关 r_pb = {r}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="407"/>
        <source>{s:.0f} s on average</source>
        <translation>平均 {s:.0f} 秒</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="411"/>
        <source>Exams: not in a marked sitting yet.</source>
        <translation>考试：尚未出现在已阅卷的考试中。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="414"/>
        <source>Exam {exam} ({when}): {n} candidates · p = {p} · r_pb = {r}</source>
        <translation>考试 {exam}（{when}）：{n} 名考生 · p = {p} · r_pb = {r}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="431"/>
        <source>Select one item to preview.</source>
        <translation>请选择一道试题进行预览。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="485"/>
        <source>Saved item {id} (version {v}).</source>
        <translation>已保存试题 {id}（第 {v} 版）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="505"/>
        <source>Deleted 1 item. Press Undo delete (Ctrl+Z) to bring it back.</source>
        <translation>已删除 1 道试题。按“撤销删除”（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="507"/>
        <source>Deleted {n} items. Press Undo delete (Ctrl+Z) to bring them back.</source>
        <translation>已删除 {n} 道试题。按“撤销删除”（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="520"/>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="534"/>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="524"/>
        <source>Undo the delete of 1 item (Ctrl+Z).</source>
        <translation>撤销删除 1 道试题（Ctrl+Z）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="525"/>
        <source>Undo the delete of {n} items (Ctrl+Z).</source>
        <translation>撤销删除 {n} 道试题（Ctrl+Z）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="527"/>
        <source>Undo the edit of item {id} (Ctrl+Z).</source>
        <translation>撤销对试题 {id} 的编辑（Ctrl+Z）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="593"/>
        <source>Imported {i}, updated {u}, skipped {s}.</source>
        <translation>导入 {i} 道，更新 {u} 道，跳过 {s} 道。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="602"/>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="622"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 条</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="603"/>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="607"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="616"/>
        <source>Exported 1 item to {path}.</source>
        <translation>已将 1 道试题导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="617"/>
        <source>Exported {n} items to {path}.</source>
        <translation>已将 {n} 道试题导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="624"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="625"/>
        <source>Left out, the format cannot hold them:</source>
        <translation>以下试题未导出，该格式无法容纳：</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="106"/>
        <source>English</source>
        <extracomment>``(set uid)``: the person wants to edit the item set this item belongs to ``(bool)``: the form now differs (or no longer differs) from the item loaded ``() -&gt; &quot;en&quot; | &quot;zh&quot;``: the interface language (the page sets the App&apos;s)</extracomment>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="106"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="111"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="112"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="115"/>
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="116"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="121"/>
        <source>Edit set…</source>
        <translation>编辑题组…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="122"/>
        <source>Edit the set&apos;s shared vignette or shared options and see its questions</source>
        <translation>编辑题组共用的病例或共用选项，并查看其中的题目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="132"/>
        <source>Clinical vignette: patient, setting, findings</source>
        <translation>临床病例：患者、场景、检查所见</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="134"/>
        <source>Vignette</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="136"/>
        <source>Lead-in question</source>
        <translation>问题（题干引导句）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="138"/>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="152"/>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="140"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="142"/>
        <source>Add option</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="143"/>
        <source>Remove option</source>
        <translation>删除选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="155"/>
        <source>Model answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="158"/>
        <source>Rubric</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="160"/>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="161"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="163"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="171"/>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="172"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="175"/>
        <source>Expected p</source>
        <translation>预期 p 值</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="179"/>
        <source>Expected facility index: the share of candidates who answer correctly (0..1; higher is easier)</source>
        <translation>预期难度系数：答对考生的比例（0..1，越高越容易）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="184"/>
        <source>Bloom level</source>
        <translation>布鲁姆层次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="186"/>
        <source>one reference per line</source>
        <translation>每行一条参考文献</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="188"/>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="190"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="195"/>
        <source>Provenance</source>
        <translation>来源与审核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="198"/>
        <source>reviewer&apos;s name</source>
        <translation>审核人姓名</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="200"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="202"/>
        <source>Reviewed today</source>
        <translation>今天已审核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="203"/>
        <source>Record that you checked this item against current sources today</source>
        <translation>记录你今天已对照现行指南和教材核对过此题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="210"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="214"/>
        <source>Quality gate</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="223"/>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="224"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="225"/>
        <location filename="../../eduapp/ui/item_editor.py" line="324"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="276"/>
        <source>✎ unsaved changes</source>
        <translation>✎ 有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="321"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="322"/>
        <source>Item {id} has unsaved changes. Save them before you leave it?</source>
        <translation>题目 {id} 有未保存的修改。离开前要保存吗？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="325"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="326"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="339"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="339"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="340"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="340"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="341"/>
        <source>Matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="341"/>
        <source>Numerical</source>
        <translation>数值题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="342"/>
        <source>Essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="342"/>
        <source>Cloze</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="343"/>
        <source>Description</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="347"/>
        <source>written by hand</source>
        <translation>手工编写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="347"/>
        <source>starter bank</source>
        <translation>入门题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="348"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="348"/>
        <source>generated</source>
        <translation>模型生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="353"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="353"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="354"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="354"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="397"/>
        <source>Select an item to edit it, or press New item.</source>
        <translation>选择一道试题进行编辑，或点击“新建试题”。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="400"/>
        <source>Item {id} · version {version} · {source}</source>
        <translation>试题 {id} · 第 {version} 版 · {source}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="323"/>
        <location filename="../../eduapp/ui/item_editor.py" line="401"/>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="407"/>
        <source>translation: item {id} ({language})</source>
        <translation>译文：试题 {id}（{language}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="437"/>
        <source>Question {n} of an item set: the set is kept, exported and printed as one unit. The shared vignette is edited with the set.</source>
        <translation>题组中的第 {n} 题：题组作为一个整体保存、导出和打印。共用题干随题组编辑。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="447"/>
        <source>Shared vignette:</source>
        <translation>共用病例：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="450"/>
        <source>Shared options:</source>
        <translation>共用选项：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="528"/>
        <source>Author: {who}</source>
        <translation>作者：{who}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="530"/>
        <source>Sources: {list}</source>
        <translation>依据：{list}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="531"/>
        <source>none recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="534"/>
        <source>Last review: {date} by {who}</source>
        <translation>最近审核：{date}，审核人：{who}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="537"/>
        <source>Never reviewed.</source>
        <translation>从未审核。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="539"/>
        <source>Review changes: {text}</source>
        <translation>审核修改：{text}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="544"/>
        <source>Revised {n} time(s); last on {date}: {change}</source>
        <translation>已修订{n}次；最近一次{date}：{change}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="565"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>ItemModelsPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="104"/>
        <source>Item models</source>
        <extracomment>Items shown in the live preview.</extracomment>
        <translation>题目模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="107"/>
        <source>Automatic item generation, offline: a cognitive model and an item model (or a table from a lecture note) make many questions at once. Edit the variables, scenarios and answers, watch the preview, then generate drafts for review.</source>
        <translation>自动出题（离线）：由认知模型和题目模型（或讲义中的表格）一次生成大量题目。编辑变量、情景和答案，查看预览，再生成草稿供审核。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="133"/>
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="135"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="139"/>
        <source>Save as mine</source>
        <translation>保存为我的模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="140"/>
        <source>Keep this model in your data folder; it is listed first from now on</source>
        <translation>将此模型保存到数据文件夹，此后排在列表最前</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="143"/>
        <source>Draft with a language model…</source>
        <translation>用语言模型起草…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="144"/>
        <source>A strong provider drafts a model from a topic for you to correct (not the built-in model)</source>
        <translation>由较强的模型服务根据主题起草模型，供您修改（不使用内置模型）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="149"/>
        <source>Tables from lecture notes…</source>
        <translation>讲义中的表格…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="150"/>
        <source>Tables in the bank&apos;s notes and case studies that could become knowledge tables</source>
        <translation>题库中讲义和病例中可作为知识表格的表格</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="163"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="163"/>
        <source>Values, range or = formula</source>
        <translation>取值、范围或 = 公式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="164"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="164"/>
        <source>Decimals</source>
        <translation>小数位</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="164"/>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="166"/>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="167"/>
        <location filename="../../eduapp/ui/pages/item_models.py" line="171"/>
        <location filename="../../eduapp/ui/pages/item_models.py" line="244"/>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="167"/>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="167"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="168"/>
        <source>Values (JSON)</source>
        <translation>取值（JSON）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="168"/>
        <location filename="../../eduapp/ui/pages/item_models.py" line="252"/>
        <source>Constraints</source>
        <translation>约束条件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="170"/>
        <source>Scenarios</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="171"/>
        <source>Option text</source>
        <translation>选项文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="172"/>
        <source>Why correct</source>
        <translation>正确理由</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="172"/>
        <source>Why wrong</source>
        <translation>错误理由</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="173"/>
        <source>Answers</source>
        <translation>作答数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="174"/>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="174"/>
        <source>Key answer</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="175"/>
        <source>Key rules</source>
        <translation>答案规则</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="178"/>
        <source>From column</source>
        <translation>提示列</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="178"/>
        <source>To column</source>
        <translation>提问列</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="179"/>
        <source>Stem template ({cue})</source>
        <translation>题干模板（{cue}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="182"/>
        <source>Knowledge table (edit it in the lecture note)</source>
        <translation>知识表格（请在讲义中编辑）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="184"/>
        <source>Question directions: row cue column → asked column</source>
        <translation>提问方向：行提示列 → 提问列</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="186"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="188"/>
        <source>Apply JSON</source>
        <translation>应用 JSON</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="194"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="206"/>
        <source>Questions:</source>
        <translation>题数：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="211"/>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="217"/>
        <source>Generate drafts into the bank</source>
        <translation>生成草稿到题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="232"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="233"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="243"/>
        <source>expressions separated by ;</source>
        <translation>表达式，以 ; 分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="245"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="246"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="247"/>
        <source>Problem (cognitive model)</source>
        <translation>临床问题（认知模型）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="248"/>
        <source>Stem template</source>
        <translation>题干模板</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="249"/>
        <source>Lead-in</source>
        <translation>提问句</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="250"/>
        <source>Explanation template</source>
        <translation>解析模板</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="251"/>
        <source>Options per item</source>
        <translation>每题选项数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="260"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="276"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="277"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="313"/>
        <source>table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="313"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="425"/>
        <source>Direction {0}: the columns are numbers (0, 1, 2 …)</source>
        <translation>提问方向 {0}：列号应为数字（0、1、2 …）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="452"/>
        <source>Variable {0}: the values are not valid JSON</source>
        <translation>变量 {0}：取值不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="459"/>
        <source>Variable {0}: decimals must be a whole number</source>
        <translation>变量 {0}：小数位必须是整数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="480"/>
        <source>Scenario {0}: the values are not valid JSON</source>
        <translation>情景 {0}：取值不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="503"/>
        <source>Answer {0}: &quot;why wrong&quot; is not valid JSON</source>
        <translation>答案 {0}：“错误理由”不是有效的 JSON</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="519"/>
        <source>The JSON does not parse: {0}</source>
        <translation>JSON 无法解析：{0}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="543"/>
        <location filename="../../eduapp/ui/pages/item_models.py" line="565"/>
        <source>No preview: fix the model first.</source>
        <translation>无法预览：请先修正模型。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="555"/>
        <source>The model is valid.</source>
        <translation>模型有效。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="557"/>
        <source>{0} possible questions · preview of {1} · {2} flagged by the gate · {3} duplicates dropped · {4} rejected</source>
        <translation>可生成 {0} 道题 · 预览 {1} 道 · 质量检查标记 {2} 道 · 去除重复 {3} 道 · 拒绝 {4} 道</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="599"/>
        <source>{0} draft questions stored in the bank for review ({1} were there already). Open the Item bank or the Generate page&apos;s review queue to approve them.</source>
        <translation>已将 {0} 道草稿题存入题库待审核（{1} 道已存在）。请在题库或生成页面的审核队列中批准。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="605"/>
        <source>Generating questions…</source>
        <translation>正在生成题目…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="612"/>
        <source>Import an item model</source>
        <translation>导入题目模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="613"/>
        <source>Item models and tables (*.json *.md);;All files (*)</source>
        <translation>题目模型和表格 (*.json *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="622"/>
        <source>Imported {0} from {1}. Save it to keep it in your list.</source>
        <translation>已从 {1} 导入 {0}。保存后即保留在列表中。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="632"/>
        <source>Export the item model</source>
        <translation>导出题目模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="633"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="642"/>
        <source>Exported to {0}.</source>
        <translation>已导出到 {0}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="654"/>
        <source>Marked as a knowledge table in “{0}”.</source>
        <translation>已在“{0}”中标记为知识表格。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="664"/>
        <source>Saved as {0}.</source>
        <translation>已保存为 {0}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="672"/>
        <source>No unmarked table with 4 or more rows in the notes of the bank.</source>
        <translation>题库的讲义中没有尚未标记、且至少有4行的表格。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="676"/>
        <source>Tables from lecture notes</source>
        <translation>讲义中的表格</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="677"/>
        <source>Make a knowledge table of:</source>
        <translation>将以下表格设为知识表格：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="682"/>
        <source>Proposed: check the question directions, then save to mark the table in its note.</source>
        <translation>已推荐：请检查提问方向，然后保存，即在讲义中标记该表格。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="688"/>
        <source>Draft an item model</source>
        <translation>起草题目模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="689"/>
        <source>Topic (a strong provider is needed):</source>
        <translation>主题（需要较强的模型服务）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="698"/>
        <source>Draft written by a language model: check every value, rule and explanation, then save it.</source>
        <translation>此草稿由语言模型撰写：请核对每个取值、规则和解析后再保存。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_models.py" line="701"/>
        <source>Drafting an item model…</source>
        <translation>正在起草题目模型…</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46"/>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47"/>
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="48"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="48"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="54"/>
        <source>SBA</source>
        <translation>单选</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="54"/>
        <source>Multiple</source>
        <translation>多选</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="55"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="55"/>
        <source>Short</source>
        <translation>简答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="56"/>
        <source>Matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="56"/>
        <source>Numerical</source>
        <translation>数值题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="57"/>
        <source>Essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="57"/>
        <source>Cloze</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="58"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="58"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="59"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="59"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="60"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="60"/>
        <source>EN</source>
        <translation>英</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="60"/>
        <source>中文</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <location filename="../../eduapp/ui/lab_panel.py" line="22"/>
        <source>Lab values (adult reference ranges)</source>
        <translation>化验参考值（成人）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/lab_panel.py" line="26"/>
        <source>Find a test, e.g. potassium</source>
        <translation>查找项目，例如 钾</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/lab_panel.py" line="31"/>
        <source>Test (unit)</source>
        <translation>项目（单位）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/lab_panel.py" line="31"/>
        <source>Range (SI)</source>
        <translation>SI 参考值</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/lab_panel.py" line="32"/>
        <source>Range (CN)</source>
        <translation>国内参考值</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/lab_panel.py" line="45"/>
        <source>Sources: NBME laboratory values (USMLE), converted to SI; Diagnostics (9th edition, People&apos;s Medical Publishing House). Each laboratory sets its own ranges.</source>
        <translation>来源：NBME 化验参考值（USMLE），已换算为国际单位；《诊断学》（第 9 版，人民卫生出版社）。各实验室的参考范围可能不同。</translation>
    </message>
</context>
<context>
    <name>LowQualityBanner</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="54"/>
        <source>⚠ Low quality: the built-in model (SmolLM2-135M) works offline, but what it writes is often wrong and it cannot write real Chinese. Check every draft, and use a stronger provider (OpenAI, DeepSeek, Qwen, or a local Ollama or vLLM server) for material you mean to keep.</source>
        <extracomment>What the form can ask for: questions (review queue), lecture notes, a case study. Question types of :class:`~eduapp.authoring.QuestionSpec` (``vignette`` is an SBA item). Target facility index per difficulty choice (``None``: let the model choose).</extracomment>
        <translation>⚠ 质量较低：内置模型（SmolLM2-135M）可离线使用，但写出的内容常有错误，也写不出真正的中文。请逐一核对草稿；需要保留的教学材料请使用更强的模型服务（OpenAI、DeepSeek、通义千问，或本地 Ollama / vLLM 服务器）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="59"/>
        <source>Configure a provider…</source>
        <translation>配置模型服务…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="40"/>
        <source>EduApp — medical teaching</source>
        <translation>EduApp — 医学教学</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="54"/>
        <source>Teacher</source>
        <extracomment>set while the window is replaced by a rebuilt one (a language change): its pages&apos; state moves to the new window, so closing it asks nothing</extracomment>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="54"/>
        <source>Item bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="55"/>
        <source>Search, edit, review and import the questions of your bank.</source>
        <translation>检索、编辑、审核和导入题库中的试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="56"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="57"/>
        <source>Generate lecture notes, case studies and exam questions with a language model, review them with their quality-gate findings, and keep them in the bank.</source>
        <translation>用语言模型生成讲义、病例和试题，结合质量检查结果审核后存入题库。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="60"/>
        <source>Item models</source>
        <translation>题目模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="61"/>
        <source>Generate many questions offline from item models and knowledge tables.</source>
        <translation>离线从题目模型和知识表格批量生成题目。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="63"/>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="64"/>
        <source>Assemble exams from blueprints, shuffle forms and print papers, keys, answer sheets and handouts.</source>
        <translation>按考试蓝图组卷，生成多套乱序试卷，打印试卷、答案、答题卡和讲义。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="66"/>
        <source>Marking</source>
        <translation>阅卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="67"/>
        <source>Read scanned answer sheets, review doubtful marks, score the class and analyse the items.</source>
        <translation>读取扫描的答题卡，复核可疑填涂，给全班评分并做试题分析。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="69"/>
        <source>Patient cases</source>
        <translation>虚拟病人病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="70"/>
        <source>Write and review virtual-patient cases for students to interview.</source>
        <translation>编写并审阅供学生问诊的虚拟病人病例。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="71"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="71"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="72"/>
        <source>Practise offline in tutor or timed mode with instant feedback and spaced repetition.</source>
        <translation>离线练习：辅导模式或计时模式，即时反馈并按间隔重复复习。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="74"/>
        <source>Progress</source>
        <translation>学习进度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="75"/>
        <source>See accuracy by topic, weak areas and a recommended learning path.</source>
        <translation>查看各知识点正确率、薄弱环节和推荐的学习路径。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="76"/>
        <source>Patient interview</source>
        <translation>病人问诊</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="77"/>
        <source>Interview a virtual patient, then get scored and debriefed.</source>
        <translation>问诊虚拟病人，随后获得评分和复盘。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="112"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="113"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="117"/>
        <source>Load the &amp;starter bank</source>
        <translation>载入入门题库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="120"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="124"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="128"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="129"/>
        <source>&amp;Check database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="131"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="132"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="136"/>
        <source>&amp;About EduApp</source>
        <translation>关于 EduApp(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="240"/>
        <source>{items} items · {sets} sets · {docs} documents · {path}</source>
        <translation>{items} 道试题 · {sets} 个题组 · {docs} 篇文档 · {path}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="267"/>
        <source>Starter bank</source>
        <translation>入门题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="268"/>
        <source>Your item bank is empty. Load the starter bank (reviewed English and Chinese questions across eight systems, with lecture notes)?</source>
        <translation>题库为空。是否载入入门题库（经审阅的中英文试题，覆盖八个系统，附讲义）？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="275"/>
        <source>Starter bank: {n} items imported, {d} documents</source>
        <translation>入门题库：已导入 {n} 道试题、{d} 篇文档</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="279"/>
        <source>Loading the starter bank…</source>
        <translation>正在载入入门题库…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="297"/>
        <source>The user guide is missing from this installation ({path}).</source>
        <translation>此安装缺少使用指南（{path}）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="300"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="321"/>
        <source>About EduApp</source>
        <translation>关于 EduApp</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="322"/>
        <source>EduApp {version}
LLM-assisted medical teaching: item bank, exams, practice and virtual patients, in English and Simplified Chinese.</source>
        <translation>EduApp {version}
大语言模型辅助的医学教学：题库、考试、练习和虚拟病人，支持英文和简体中文。</translation>
    </message>
</context>
<context>
    <name>MarkingPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="69"/>
        <source>Marking</source>
        <translation>阅卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="73"/>
        <source>Exam:</source>
        <translation>考试：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="78"/>
        <source>Class list…</source>
        <translation>班级名单…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="81"/>
        <source>Add scans…</source>
        <translation>添加扫描件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="82"/>
        <source>PDF files from the scanner or photos; you can also drop them on this page</source>
        <translation>扫描仪生成的 PDF 或照片；也可以直接拖放到本页</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="86"/>
        <source>Write reports…</source>
        <translation>生成报告…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="93"/>
        <source>Choose an exam, then add or drop its scanned answer sheets (PDF or images).</source>
        <translation>选择一场考试，然后添加或拖入其扫描的答题卡（PDF 或图片）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="98"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="99"/>
        <source>Candidate</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="99"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="99"/>
        <source>Form</source>
        <translation>试卷类型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="100"/>
        <source>Marks</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="100"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="101"/>
        <source>Under review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="102"/>
        <source>Results</source>
        <translation>成绩</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="107"/>
        <source>Remove a scan file…</source>
        <translation>移除一个扫描文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="108"/>
        <source>Remove every page read from one file, e.g. a batch that was scanned twice</source>
        <translation>移除从某个文件读取的所有页面，例如重复扫描的一批答题卡</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="111"/>
        <source>Correct a candidate number…</source>
        <translation>更正准考证号…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="118"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="124"/>
        <source>Item</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="125"/>
        <source>Options (all / upper group)</source>
        <translation>选项选择率（全体 / 高分组）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="126"/>
        <source>Needs attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="126"/>
        <source>Earlier sittings</source>
        <translation>以往考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="128"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="129"/>
        <source>Flagged items</source>
        <translation>需关注的试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="130"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="130"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="130"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="131"/>
        <source>Seen</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="131"/>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="131"/>
        <source>Decided</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="132"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="133"/>
        <source>Log</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="157"/>
        <source>Type the candidate number</source>
        <translation>输入准考证号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="161"/>
        <source>No answer</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="162"/>
        <source>Clear the choice (Backspace)</source>
        <translation>清除选择（退格键）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="165"/>
        <source>Decide</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="166"/>
        <source>Record this answer and go to the next (Enter)</source>
        <translation>记录此答案并转到下一个（回车键）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="171"/>
        <source>Keys: A–H pick or unpick a letter · Backspace no answer · Enter decide · ↑/↓ another mark</source>
        <translation>按键：A–H 选择或取消字母 · 退格键 未作答 · 回车键 确定 · ↑/↓ 切换</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="207"/>
        <source>As sat (stays in the past exam)</source>
        <translation>考试时的版本（原考试保持不变）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="211"/>
        <source>Suggested rewrite (edit freely; * marks the key)</source>
        <translation>建议的改写（可自由修改；* 标记正确答案）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="221"/>
        <source>Suggest a rewrite</source>
        <translation>建议改写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="223"/>
        <source>Accept as a new version</source>
        <translation>采纳为新版本</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="225"/>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="243"/>
        <source>#{id} {stem}</source>
        <translation>#{id} {stem}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="254"/>
        <source>rewrite suggested</source>
        <translation>已建议改写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="254"/>
        <source>rewrite accepted</source>
        <translation>已采纳改写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="255"/>
        <source>edited rewrite accepted</source>
        <translation>已采纳修改后的改写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="256"/>
        <source>rewrite rejected</source>
        <translation>已拒绝改写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="271"/>
        <source>No item needs attention, or the statistics have not been computed yet.</source>
        <translation>没有需要关注的试题，或尚未计算统计结果。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="281"/>
        <source>{reasons}
p = {p} · r_pb = {r} · chosen: {rates} · upper group: {upper}</source>
        <translation>{reasons}
p = {p} · r_pb = {r} · 选择率：{rates} · 高分组：{upper}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="292"/>
        <source>{status} · why: {why}</source>
        <translation>{status} · 理由：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="296"/>
        <source>Ask the language model for a rewrite; nothing changes until you accept it.</source>
        <translation>可请语言模型建议改写；在你采纳之前不会有任何改动。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="309"/>
        <source>Drafting a rewrite…</source>
        <translation>正在起草改写…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="347"/>
        <source>#{id} · {title} · {n} questions · {forms} form(s)</source>
        <translation>#{id} · {title} · {n} 题 · {forms} 套试卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="370"/>
        <source>Class list</source>
        <translation>班级名单</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="371"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="374"/>
        <source>Class list: {name}</source>
        <translation>班级名单：{name}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="379"/>
        <source>Scanned answer sheets</source>
        <translation>扫描的答题卡</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="380"/>
        <source>Scans ({patterns})</source>
        <translation>扫描件 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="410"/>
        <source>Reading {n} page(s)…</source>
        <translation>正在读取 {n} 页…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="445"/>
        <source>{read} of {sheets} page(s) read · {n} candidate(s) · {pending} mark(s) await review · {problems} problem(s)</source>
        <translation>已读取 {read}/{sheets} 页 · {n} 名考生 · {pending} 处填涂待复核 · {problems} 个问题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="459"/>
        <source>candidate number</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="460"/>
        <source>form</source>
        <translation>试卷类型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="461"/>
        <source>question {n}</source>
        <translation>第 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="462"/>
        <source>{file} p{page} · {candidate} · {question}</source>
        <translation>{file} 第{page}页 · {candidate} · {question}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="473"/>
        <source>Nothing awaits review.</source>
        <translation>没有待复核的填涂。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="482"/>
        <source>under review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="485"/>
        <source>pass</source>
        <translation>及格</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="485"/>
        <source>fail</source>
        <translation>不及格</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="492"/>
        <source>Candidate {c} appears on more than one sheet ({where}); not scored until fixed</source>
        <translation>准考证号 {c} 出现在多张答题卡上（{where}）；更正前不计分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="495"/>
        <source>{file} page {page} is a sheet of another exam</source>
        <translation>{file} 第 {page} 页是其他考试的答题卡</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="498"/>
        <source>{file} page {page} could not be read: {why}</source>
        <translation>{file} 第 {page} 页无法读取：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="503"/>
        <source>{file} could not be opened: {why}</source>
        <translation>无法打开 {file}：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="507"/>
        <source>Candidate {c} is missing sheet page(s) {pages}</source>
        <translation>考生 {c} 缺少答题卡第 {pages} 页</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="510"/>
        <source>{c} is not on the class list ({file} p{page})</source>
        <translation>{c} 不在班级名单中（{file} 第{page}页）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="514"/>
        <source>No sheet for {c} {name}</source>
        <translation>{c} {name} 没有答题卡</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="516"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="538"/>
        <source>{n} candidate(s) with nothing under review · KR-20 {kr20} · SEM {sem} questions · mean {mean} right (SD {sd})</source>
        <translation>{n} 名考生无待复核项 · KR-20 {kr20} · 测量标准误 {sem} 题 · 平均答对 {mean} 题（标准差 {sd}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="546"/>
        <source>exam {id}: p {p}, r_pb {r}</source>
        <translation>考试 {id}：p {p}，r_pb {r}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="554"/>
        <source>(no answer)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="563"/>
        <source>{file} ({n} page(s))</source>
        <translation>{file}（{n} 页）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="564"/>
        <source>Remove a scan file</source>
        <translation>移除扫描文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="565"/>
        <source>Remove every page read from:</source>
        <translation>移除以下文件读取的所有页面：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="584"/>
        <source>{file} p{page} · {candidate}</source>
        <translation>{file} 第{page}页 · {candidate}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="586"/>
        <location filename="../../eduapp/ui/pages/marking.py" line="591"/>
        <source>Correct a candidate number</source>
        <translation>更正准考证号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="587"/>
        <source>Sheet:</source>
        <translation>答题卡：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="592"/>
        <source>Candidate number:</source>
        <translation>准考证号：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="607"/>
        <source>Folder for the reports</source>
        <translation>报告保存文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="613"/>
        <source>Writing the reports…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="615"/>
        <source>Class report, results, item analysis, result slips and the review log written to {folder}</source>
        <translation>班级报告、成绩、试题分析、成绩单和复核记录已保存到 {folder}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="646"/>
        <source>{reason}
Seen: {seen} · darkness: {levels}</source>
        <translation>{reason}
识别结果：{seen} · 灰度：{levels}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/marking.py" line="662"/>
        <source>Key {letter}</source>
        <translation>按键 {letter}</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="110"/>
        <source>The item bank is damaged ({error}). Use Tools → Check database to repair it.</source>
        <translation>题库已损坏（{error}）。请使用“工具 → 检查数据库”进行修复。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="115"/>
        <source>EduApp</source>
        <translation>EduApp</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="120"/>
        <source>Something went wrong. The details have been logged; please send them with a short note of what you were doing.</source>
        <translation>出现了意外错误。详情已记录，请连同您当时的操作简要说明一并发送给我们。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="124"/>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="294"/>
        <source>Cancel</source>
        <extracomment>Run ops inline on the calling thread (pytest-qt tests). The error box shown last in synchronous mode (for tests). A damaged database was already reported to the user (reported once per run).</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OptionTable</name>
    <message>
        <location filename="../../eduapp/ui/option_table.py" line="83"/>
        <source>Key</source>
        <extracomment>Columns of the option table.</extracomment>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/option_table.py" line="83"/>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/option_table.py" line="84"/>
        <source>Credit %</source>
        <translation>得分 %</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/option_table.py" line="84"/>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/option_table.py" line="86"/>
        <source>Partial credit in percent (-100..100) for multiple-response and numerical items; empty: 100 for a key, 0 for a distractor</source>
        <translation>多选题和数值题的部分得分，按百分比（-100..100）；留空：正确答案 100，干扰项 0</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="52"/>
        <source>Patient cases</source>
        <translation>虚拟病人病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="65"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="66"/>
        <source>Start a blank case in the interface language</source>
        <translation>以界面语言新建一个空白病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="68"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="69"/>
        <source>Start a new draft case as a copy of the selected one</source>
        <translation>以所选病例为副本新建一个草稿病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="72"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="74"/>
        <source>Generate draft…</source>
        <translation>生成草稿…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="94"/>
        <source>Try a question</source>
        <translation>试问一句</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="95"/>
        <source>Class results</source>
        <translation>班级结果</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="108"/>
        <source>Check the case</source>
        <translation>校验病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="110"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="112"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="114"/>
        <source>Save to the bank</source>
        <translation>保存到题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="125"/>
        <source>Type a question the way a student would ask it, to see which fact the offline patient answers with.</source>
        <translation>按学生的说法输入一个问题，看离线病人会用哪条事实回答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="146"/>
        <source>Done by</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="146"/>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="147"/>
        <source>Checklist item</source>
        <translation>评分项目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="174"/>
        <source> (bank)</source>
        <translation>（题库）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="252"/>
        <location filename="../../eduapp/ui/pages/patients.py" line="284"/>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="253"/>
        <source>✎ unsaved changes</source>
        <translation>✎ 有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="282"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="283"/>
        <source>Case {id} has unsaved changes. Save them before you leave it?</source>
        <translation>病例 {id} 有未保存的修改。离开前要保存吗？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="285"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="286"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="287"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="349"/>
        <source>Warning: {w}</source>
        <translation>注意：{w}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="356"/>
        <source>The case is valid; read the warnings.</source>
        <translation>病例有效；请查看提示。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="358"/>
        <source>The case is valid.</source>
        <translation>病例有效。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="364"/>
        <source>1 problem to fix.</source>
        <translation>有 1 个问题需要修改。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="365"/>
        <source>{n} problems to fix.</source>
        <translation>{n} 个问题需要修改。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="366"/>
        <source>Not saved: 1 problem to fix.</source>
        <translation>未保存：有 1 个问题需要修改。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="367"/>
        <source>Not saved: {n} problems to fix.</source>
        <translation>未保存：{n} 个问题需要修改。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="378"/>
        <source>the chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="379"/>
        <source>the opening line</source>
        <translation>开场白</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="380"/>
        <source>history facts</source>
        <translation>病史条目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="380"/>
        <source>examinations</source>
        <translation>体格检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="381"/>
        <source>investigations</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="382"/>
        <source>the diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="383"/>
        <source>the differential</source>
        <translation>鉴别诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="384"/>
        <source>management steps</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="389"/>
        <source>{where}: written in Chinese, but the case is in English</source>
        <translation>{where}：用中文书写，但病例语言是英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="391"/>
        <source>{where}: written in English, but the case is in Chinese</source>
        <translation>{where}：用英文书写，但病例语言是中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="417"/>
        <source>Saved to the bank.</source>
        <translation>已保存到题库。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="450"/>
        <source>answers with fact {ids}</source>
        <translation>用事实 {ids} 回答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="451"/>
        <source>denies it (a symptom the case does not list)</source>
        <translation>否认（病例中未列出的症状）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="452"/>
        <source>answers from the demographics</source>
        <translation>根据基本信息回答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="453"/>
        <source>a communication skill, no fact</source>
        <translation>属于沟通技巧，不涉及事实</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="454"/>
        <source>does not understand (no fact matches well enough)</source>
        <translation>听不懂（没有足够匹配的事实）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="456"/>
        <source>The patient {what}:
“{text}”
Concepts found: {c}</source>
        <translation>病人{what}：
“{text}”
识别到的概念：{c}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="466"/>
        <source>New case</source>
        <translation>新病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="483"/>
        <source>{title} (copy)</source>
        <translation>{title}（副本）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="508"/>
        <source>Export case</source>
        <translation>导出病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="510"/>
        <location filename="../../eduapp/ui/pages/patients.py" line="522"/>
        <source>Case scripts (*.json)</source>
        <translation>病例脚本 (*.json)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="521"/>
        <source>Import cases</source>
        <translation>导入病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="528"/>
        <source>{n} case(s) imported.</source>
        <translation>已导入 {n} 个病例。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="538"/>
        <source>Generate a draft case</source>
        <translation>生成病例草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="539"/>
        <source>Topic (e.g. pulmonary embolism):</source>
        <translation>主题（例如：肺栓塞）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="545"/>
        <source>Writing a draft case…</source>
        <translation>正在编写病例草稿…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="561"/>
        <source>No student has played this case yet.</source>
        <translation>还没有学生练习过这个病例。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/patients.py" line="565"/>
        <source>{n} student(s); mean score {score:.0f}; right diagnosis {dx:.0%}; {q:.0f} questions on average. Least done first:</source>
        <translation>{n} 名学生；平均分 {score:.0f}；诊断正确率 {dx:.0%}；平均提问 {q:.0f} 个。按完成率从低到高：</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="61"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="65"/>
        <source>Student:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="69"/>
        <source>New student…</source>
        <translation>新建学生…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="171"/>
        <source>The practice history was damaged. It was kept as {path}; {n} answers could be recovered into a fresh history.</source>
        <translation>练习记录文件已损坏，已保留为 {path}；已将 {n} 条作答记录恢复到新的记录中。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="207"/>
        <location filename="../../eduapp/ui/pages/practice.py" line="210"/>
        <source>New student</source>
        <translation>新建学生</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="207"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="211"/>
        <source>Course (optional):</source>
        <translation>课程（可选）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="259"/>
        <source>Choosing questions…</source>
        <translation>正在抽题…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="267"/>
        <source>This session has {n} questions (you asked for {want}): a case cluster or question set is served whole.</source>
        <translation>本次练习共 {n} 题（你选择了 {want} 题）：病例组题或题组需整组作答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="272"/>
        <source>Only {n} questions match your choices, so this session has {n} (you asked for {want}; that setting is kept).</source>
        <translation>只有 {n} 道题符合你的条件，因此本次练习共 {n} 道题（你选择了 {want} 道，该设置会保留）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="440"/>
        <location filename="../../eduapp/ui/pages/practice.py" line="478"/>
        <source>Marking…</source>
        <translation>正在评分…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="514"/>
        <source>Explain this question.</source>
        <translation>请讲解这道题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="518"/>
        <source>Asking the tutor…</source>
        <translation>正在询问辅导老师…</translation>
    </message>
</context>
<context>
    <name>PracticeSummary</name>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="13"/>
        <source>1 question is not answered.</source>
        <translation>有 1 道题尚未作答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="15"/>
        <source>{n} questions are not answered.</source>
        <translation>有 {n} 道题尚未作答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="17"/>
        <source>Submit the session anyway? Unanswered questions count as wrong.</source>
        <translation>仍要交卷吗？未作答的题目按错误计。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="19"/>
        <source>End the session anyway? Unanswered questions are not counted.</source>
        <translation>仍要结束练习吗？未作答的题目不计入成绩。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="21"/>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="22"/>
        <source>End the session</source>
        <translation>结束练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="35"/>
        <source>Session over: {correct} of {total} right ({score:.0%}). Review each question with the navigator.</source>
        <translation>练习结束：{total} 题中答对 {correct} 题（{score:.0%}）。可通过导航逐题回顾。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_summary.py" line="40"/>
        <source>Time is up: the session was submitted.</source>
        <translation>时间到：已自动交卷。</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="88"/>
        <source>Progress</source>
        <extracomment>Days from today the exam-date field proposes when no date is saved.</extracomment>
        <translation>学习进度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="92"/>
        <source>Student:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="111"/>
        <source>Open Practice</source>
        <translation>打开练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="133"/>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="141"/>
        <source>Exam date:</source>
        <translation>考试日期：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="128"/>
        <source>Accuracy by topic and week, and mastery now (the same mastery as the bar chart)</source>
        <translation>各主题每周正确率及当前掌握度（与条形图的掌握度相同）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="147"/>
        <source>Type the date (2026-12-20) or pick it from the calendar</source>
        <translation>输入日期（如 2026-12-20）或从日历中选择</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="151"/>
        <source>Set exam date</source>
        <translation>设定考试日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="154"/>
        <source>No exam date</source>
        <translation>不设考试日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="163"/>
        <source>Day / session</source>
        <translation>日期 / 练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="163"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="164"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="168"/>
        <source>Weak areas and plan</source>
        <translation>薄弱环节与计划</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="175"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="175"/>
        <source>Cards</source>
        <translation>卡片数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="176"/>
        <source>Due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="180"/>
        <source>Review deck</source>
        <translation>复习卡组</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="185"/>
        <source>Import attempt files…</source>
        <translation>导入作答文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="186"/>
        <source>Export my attempts…</source>
        <translation>导出我的作答…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="187"/>
        <source>Class report (CSV or PDF)…</source>
        <translation>班级报告（CSV 或 PDF）…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="194"/>
        <source>Exam:</source>
        <translation>考试：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="202"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="202"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="379"/>
        <source>Answers</source>
        <translation>作答数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="202"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="202"/>
        <source>r_pb</source>
        <translation>r_pb</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="203"/>
        <source>Options chosen</source>
        <translation>选项选择率</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="203"/>
        <source>Needs attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="211"/>
        <source>Prerequisites:</source>
        <translation>先修主题：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="216"/>
        <source>requires</source>
        <translation>需要先学</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="218"/>
        <source>topics, separated by commas</source>
        <translation>主题，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="220"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="224"/>
        <source>Class (teacher)</source>
        <translation>班级（教师）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="227"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="227"/>
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="227"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="227"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="228"/>
        <source>Questions asked</source>
        <translation>提问数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="228"/>
        <source>Tests</source>
        <translation>检查数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="228"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="231"/>
        <source>Virtual patients</source>
        <translation>虚拟病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="263"/>
        <source>No student yet: add one on the Practice page.</source>
        <translation>还没有学生：请在练习页面添加。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="264"/>
        <source>Progress shows here once a student has practised.
Add a student on the Practice page and answer a few questions.</source>
        <translation>学生练习之后，学习进度会显示在这里。
请在练习页面添加学生并作答几道题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="293"/>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="293"/>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="312"/>
        <source>1 answer</source>
        <translation>1 次作答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="313"/>
        <source>{n} answers</source>
        <translation>{n} 次作答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="340"/>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="340"/>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="318"/>
        <source>{answers} · accuracy {acc} · {sec} s per question · streak {streak} (longest {longest}) · {due}{pct}</source>
        <translation>{answers} · 正确率 {acc} · 每题 {sec} 秒 · 连续练习 {streak}（最长 {longest}） · {due}{pct}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="362"/>
        <source>The exam date {date} has passed: set a new one.</source>
        <translation>考试日期 {date} 已过：请设定新的日期。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="365"/>
        <source>Exam today ({date}).</source>
        <translation>今天考试（{date}）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="368"/>
        <source>Exam on {date}: {left} left. The plan below shows the next {days}.</source>
        <translation>考试日期 {date}：还有 {left}。下面的计划显示接下来 {days}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="531"/>
        <source>1 card</source>
        <translation>1 张卡片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="532"/>
        <source>{n} cards</source>
        <translation>{n} 张卡片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="534"/>
        <source>{cards}: {learning} learning, {review} in review, {relearning} relearning. {due} due now, {today} due today.</source>
        <translation>{cards}：学习中 {learning}，复习中 {review}，重新学习 {relearning}。现在到期 {due}，今天到期 {today}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="323"/>
        <source> · {p:.0f}th percentile of the class</source>
        <translation> · 位于班级第 {p:.0f} 百分位</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="315"/>
        <source>1 review due today</source>
        <translation>今天 1 道待复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="316"/>
        <source>{n} reviews due today</source>
        <translation>今天 {n} 道待复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="328"/>
        <source>No answers yet: charts of accuracy, topics and weeks appear after the first practice questions.</source>
        <translation>尚无作答：完成首批练习题后，这里会显示正确率、知识点和每周掌握情况的图表。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="350"/>
        <source>No exam date set: the plan below covers the next {days}. Choose the date of your exam and press Set exam date to plan up to it.</source>
        <translation>未设定考试日期：下面的计划显示接下来 {days}。选择考试日期后按“设定考试日期”，计划将一直排到考试前。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="374"/>
        <source>Accuracy and answers per day</source>
        <translation>每日正确率与作答数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="376"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="430"/>
        <source>Accuracy %</source>
        <translation>正确率 %</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="423"/>
        <source>Accuracy and mastery by topic</source>
        <extracomment>Most topics in the bar chart (the weakest; the grid below lists them all).</extracomment>
        <translation>各主题正确率与掌握度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="431"/>
        <source>Mastery %</source>
        <translation>掌握度 %</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="441"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="475"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="540"/>
        <source>(no topic)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="473"/>
        <source>Mastery now</source>
        <translation>当前掌握度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="492"/>
        <source>No weak areas yet: topics show here once you have answered at least five questions on them.</source>
        <translation>暂无薄弱环节：某主题作答满五题后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="495"/>
        <source>Lecture notes</source>
        <translation>讲义</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="495"/>
        <source>Case studies</source>
        <translation>病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="496"/>
        <source>Handouts</source>
        <translation>讲义资料</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="497"/>
        <source>Weak areas</source>
        <translation>薄弱环节</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="512"/>
        <source>Reviews due</source>
        <translation>待复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="512"/>
        <source>Weak area</source>
        <translation>薄弱环节</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="513"/>
        <source>New topic</source>
        <translation>新主题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="513"/>
        <source>Consolidate</source>
        <translation>巩固</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="549"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="555"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="560"/>
        <source>Exam date</source>
        <translation>考试日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="550"/>
        <source>Choose a student first.</source>
        <translation>请先选择一名学生。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="556"/>
        <source>“{text}” is not a date: type it like 2026-12-20, or pick it from the calendar.</source>
        <translation>“{text}”不是有效日期：请按 2026-12-20 的格式输入，或从日历中选择。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="561"/>
        <source>The exam date must be today or later.</source>
        <translation>考试日期不能早于今天。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="597"/>
        <source>All practice</source>
        <translation>全部练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="604"/>
        <source>{students} students, {items} questions answered, {n} need attention (p &lt; 0.2 or &gt; 0.95, r_pb &lt; 0.15, a distractor nobody picks, often flagged).</source>
        <translation>{students} 名学生，作答 {items} 道题，其中 {n} 道需关注（p &lt; 0.2 或 &gt; 0.95、r_pb &lt; 0.15、有无人选择的干扰项、常被标记）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="610"/>
        <source>KR-20 of this exam: {v} ({s} students × {i} questions).</source>
        <translation>本次考试 KR-20：{v}（{s} 名学生 × {i} 道题）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="622"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="650"/>
        <source>Import attempt files</source>
        <translation>导入作答文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="651"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="676"/>
        <source>Attempt files (*.json)</source>
        <translation>作答文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="655"/>
        <source>Importing attempts…</source>
        <translation>正在导入作答…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="659"/>
        <source>{added} attempts added ({dups} already here), {profiles} new students.</source>
        <translation>新增 {added} 条作答（{dups} 条已存在），新增学生 {profiles} 名。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="674"/>
        <source>Export my attempts</source>
        <translation>导出我的作答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="681"/>
        <source>{n} attempts saved to {path}.</source>
        <translation>已将 {n} 条作答保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="686"/>
        <source>Class report</source>
        <translation>班级报告</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="688"/>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="693"/>
        <source>Writing the class report…</source>
        <translation>正在生成班级报告…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="695"/>
        <source>Class report saved to {path}.</source>
        <translation>班级报告已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>QuestionPanel</name>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="150"/>
        <source>Type your answer (Ctrl+Enter to submit)</source>
        <translation>输入你的答案（Ctrl+Enter 提交）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="153"/>
        <source>This question was removed from the bank after the session began; you can still answer it.</source>
        <translation>本练习开始后此题已从题库删除；你仍可作答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="162"/>
        <source>← Previous</source>
        <translation>← 上一题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="163"/>
        <location filename="../../eduapp/ui/practice_question.py" line="246"/>
        <source>Flag (F)</source>
        <translation>标记 (F)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="164"/>
        <source>Check (Enter)</source>
        <translation>提交 (Enter)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="165"/>
        <source>Next →</source>
        <translation>下一题 →</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="166"/>
        <location filename="../../eduapp/ui/practice_question.py" line="244"/>
        <source>Submit the session</source>
        <translation>交卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="167"/>
        <source>Back to the builder</source>
        <translation>返回组卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="174"/>
        <source>Highlight selection (H)</source>
        <translation>高亮所选文字 (H)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="175"/>
        <source>Select words of the question with the mouse, then press H or this button; again to clear.</source>
        <translation>用鼠标选中题干中的文字，再按 H 或此按钮；再按一次取消高亮。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="178"/>
        <source>Lab values (L)</source>
        <translation>化验参考值 (L)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="180"/>
        <source>Right-click an option or press Shift+letter to strike it out.</source>
        <translation>右键单击选项或按 Shift+字母可划掉该选项。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="196"/>
        <source>Question {n} of {total}</source>
        <translation>第 {n} 题，共 {total} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="197"/>
        <source> · flagged</source>
        <translation> · 已标记</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="200"/>
        <source>(question {k} of {m})</source>
        <translation>（第 {k} 题，共 {m} 题）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="204"/>
        <source>(question {k} of {m}, shared options)</source>
        <translation>（第 {k} 题，共 {m} 题，共用选项）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="245"/>
        <source>End the session</source>
        <translation>结束练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="246"/>
        <source>Unflag (F)</source>
        <translation>取消标记 (F)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="254"/>
        <source>Time left {m}:{s:02d}</source>
        <translation>剩余时间 {m}:{s:02d}</translation>
    </message>
</context>
<context>
    <name>RefsDialog</name>
    <message>
        <location filename="../../eduapp/ui/case_refs_dialog.py" line="21"/>
        <source>What the item refers to</source>
        <translation>条目的对应内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/case_refs_dialog.py" line="23"/>
        <source>The item counts as done when the student did any of the ticked things.</source>
        <translation>学生做到任一勾选内容，该条目即算完成。</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="174"/>
        <source>The file {file} cannot be opened.</source>
        <translation>无法打开文件 {file}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="176"/>
        <source>The file {file} is damaged ({n} error(s) found by SQLite).</source>
        <translation>文件 {file} 已损坏（SQLite 发现 {n} 处错误）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="178"/>
        <source>{n} row(s) refer to rows that are missing.</source>
        <translation>有 {n} 行引用了不存在的记录。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="180"/>
        <location filename="../../eduapp/ui/safety.py" line="182"/>
        <source>The bank&apos;s version does not match this EduApp.</source>
        <translation>题库的版本与此 EduApp 不匹配。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="184"/>
        <source>The search index is damaged or out of step.</source>
        <translation>搜索索引已损坏或与题目不一致。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="186"/>
        <source>{n} item(s) break a rule and need editing.</source>
        <translation>有 {n} 道题目不符合规则，需要编辑。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="188"/>
        <source>{n} question(s) belong to a missing set.</source>
        <translation>有 {n} 道题目所属的题组不存在。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="190"/>
        <source>{n} item set(s) have fewer than two questions.</source>
        <translation>有 {n} 个题组少于两道题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="192"/>
        <source>{n} item set(s) have their questions in the trash.</source>
        <translation>有 {n} 个题组的题目在回收站中。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="194"/>
        <source>{n} item set(s) have their questions out of order.</source>
        <translation>有 {n} 个题组的题目顺序错乱。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="196"/>
        <source>{n} image(s) or file(s) used by items are missing.</source>
        <translation>题目使用的 {n} 个图片或文件丢失。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="198"/>
        <source>{n} media file(s) do not match their checksum.</source>
        <translation>有 {n} 个媒体文件与校验和不符。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="200"/>
        <source>{n} media file(s) are not used by anything.</source>
        <translation>有 {n} 个媒体文件未被任何内容使用。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="202"/>
        <source>{n} translation link(s) point one way only.</source>
        <translation>有 {n} 个翻译关联只有单向链接。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="204"/>
        <source>{n} item(s) lack a history entry for their current version.</source>
        <translation>有 {n} 道题目缺少当前版本的历史记录。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="206"/>
        <source>{n} history entries are newer than their item.</source>
        <translation>有 {n} 条历史记录比其题目更新。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="208"/>
        <source>{n} older version(s) lost their saved copy.</source>
        <translation>有 {n} 个旧版本丢失了保存的副本。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="217"/>
        <source>No problems found: {items} items checked in {seconds:.1f} s.</source>
        <translation>未发现问题：已在 {seconds:.1f} 秒内检查 {items} 道题目。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="220"/>
        <source>The check found these problems:</source>
        <translation>检查发现以下问题：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="222"/>
        <source>(needs a person: open the item to fix it)</source>
        <translation>（需要人工处理：打开题目进行修改）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="243"/>
        <source>Everything was repaired.</source>
        <translation>所有问题均已修复。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="245"/>
        <source>Repaired what could be repaired. Still to do:</source>
        <translation>已修复可修复的问题。尚待处理：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="249"/>
        <source>Rows were taken back from the backup {name}.</source>
        <translation>已从备份 {name} 中取回数据。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="253"/>
        <source>Lost (not in any backup):</source>
        <translation>已丢失（不在任何备份中）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="256"/>
        <source>Nothing was lost.</source>
        <translation>没有丢失任何内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/safety.py" line="258"/>
        <source>The damaged file is kept as {path}.</source>
        <translation>损坏的文件已保存为 {path}。</translation>
    </message>
</context>
<context>
    <name>SessionBuilder</name>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="48"/>
        <source>What to practise</source>
        <extracomment>The builder&apos;s choices kept between sessions, in the data folder (UI state).</extracomment>
        <translation>练习内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="56"/>
        <source>Topics (none selected: all)</source>
        <translation>主题（不选：全部）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="57"/>
        <source>Systems (none selected: all)</source>
        <translation>系统（不选：全部）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="68"/>
        <source>Tags, separated by commas</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="74"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="77"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="78"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="79"/>
        <source>Both languages</source>
        <translation>中英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="83"/>
        <source>Question language</source>
        <translation>题目语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="86"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="87"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="88"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="89"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="95"/>
        <source>Question types</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="98"/>
        <source>Unused</source>
        <translation>未做过</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="99"/>
        <source>Incorrect</source>
        <translation>做错过</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="100"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="101"/>
        <source>Due for review</source>
        <translation>待复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="106"/>
        <source>Only from (none ticked: all)</source>
        <translation>仅限（不勾选：全部）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="111"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="116"/>
        <source>Tutor: feedback after each answer</source>
        <translation>辅导模式：每题作答后立即反馈</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="117"/>
        <source>Timed: a clock, review at the end</source>
        <translation>计时模式：限时作答，结束后回顾</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="118"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="122"/>
        <source> s per question</source>
        <translation> 秒/题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="123"/>
        <source>Timed pace</source>
        <translation>计时速度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="125"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="130"/>
        <source>Start today&apos;s reviews</source>
        <translation>开始今日复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="132"/>
        <source>Start the recommended session</source>
        <translation>开始推荐练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="137"/>
        <source>Resume where I stopped</source>
        <translation>从上次中断处继续</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="174"/>
        <source>{name} ({n})</source>
        <translation>{name}（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="185"/>
        <source>Add a student to begin.</source>
        <translation>请先添加一名学生。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="188"/>
        <source>1 card</source>
        <translation>1 张卡片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="189"/>
        <source>{n} cards</source>
        <translation>{n} 张卡片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="190"/>
        <source>Review deck: {cards}, {due} due now, {today} due today.</source>
        <translation>复习卡组：{cards}，现在到期 {due} 张，今日到期 {today} 张。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="209"/>
        <source>1 question matches these choices.</source>
        <translation>有 1 道题符合这些条件。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="210"/>
        <source>{n} questions match these choices.</source>
        <translation>有 {n} 道题符合这些条件。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_builder.py" line="212"/>
        <source>A session will hold {n} (you asked for {want}); your setting is kept.</source>
        <translation>本次练习将包含 {n} 道题（你选择了 {want} 道）；你的设置会保留。</translation>
    </message>
</context>
<context>
    <name>SessionNavigator</name>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="278"/>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="278"/>
        <source>partly right</source>
        <translation>部分正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="279"/>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="280"/>
        <source>answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/practice_question.py" line="281"/>
        <source>not answered</source>
        <translation>未答</translation>
    </message>
</context>
<context>
    <name>SetEditor</name>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="43"/>
        <source>Item set: {title}</source>
        <translation>题组：{title}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="44"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="47"/>
        <source>Shared options (B1 / extended matching): every question of the set answers from this list.</source>
        <translation>共用选项（B1 型 / 扩展匹配）：题组中每道题都从这组选项中作答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="49"/>
        <source>Case cluster (A3/A4): students read this vignette before each question of the set.</source>
        <translation>病例组（A3/A4 型）：学生在回答题组中每道题前先阅读此病例。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="55"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="57"/>
        <location filename="../../eduapp/ui/set_editor.py" line="64"/>
        <source>Shared instruction</source>
        <translation>共用说明</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="58"/>
        <source>Clinical vignette: patient, setting, findings</source>
        <translation>临床病例：患者、场景、检查所见</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="64"/>
        <source>Vignette</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="68"/>
        <source>Shared option</source>
        <translation>共用选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="75"/>
        <source>Add option</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="76"/>
        <source>Remove option</source>
        <translation>删除选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="77"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="78"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="92"/>
        <source>Questions of the set (edit each in the item editor)</source>
        <translation>题组中的题目（在题目编辑器中逐题编辑）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="100"/>
        <source>Save set</source>
        <translation>保存题组</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="135"/>
        <source>key: {keys}</source>
        <translation>答案：{keys}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="153"/>
        <location filename="../../eduapp/ui/set_editor.py" line="208"/>
        <source>Option is a key</source>
        <translation>该选项是答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="154"/>
        <source>Option {letter} (“{text}”) is the key of:
{members}

Give these questions another key in the item editor first, then remove the option.</source>
        <translation>选项 {letter}（“{text}”）是以下题目的答案：
{members}

请先在题目编辑器中为这些题目指定其他答案，再删除此选项。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/set_editor.py" line="209"/>
        <source>An option you emptied is the key of:
{members}

Give these questions another key in the item editor first, or type the option text again.</source>
        <translation>你清空的选项是以下题目的答案：
{members}

请先在题目编辑器中为这些题目指定其他答案，或重新输入该选项的文字。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="27"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="314"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="320"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="31"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="32"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="99"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="33"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="34"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="236"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="281"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="295"/>
        <source>Providers</source>
        <translation>模型服务</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="48"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="52"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="56"/>
        <source>PDF page size</source>
        <translation>PDF 纸张大小</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="58"/>
        <source>Institution (exam covers)</source>
        <translation>单位名称（试卷封面）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="62"/>
        <source>Generation requests at once</source>
        <translation>同时发送的生成请求数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="66"/>
        <source>Avoid items used in the last N exams</source>
        <translation>避开最近 N 次考试用过的试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="67"/>
        <source>Students may also practise reviewed items (not yet approved)</source>
        <translation>允许学生练习已审核（尚未批准）的题目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="69"/>
        <source>Off: practice serves approved items only. Drafts and retired items are never served.</source>
        <translation>关闭时：练习只使用已批准的题目。草稿和已停用的题目永远不会出现在练习中。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="72"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="80"/>
        <source>The item bank, settings and provider profiles are kept in this folder:</source>
        <translation>题库、设置和模型服务配置保存在此文件夹：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="85"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="90"/>
        <source>A new folder takes effect the next time EduApp starts; the eduapp command uses it too (unless --data-dir or EDUAPP_DATA_DIR says otherwise).</source>
        <translation>新文件夹在下次启动 EduApp 时生效；eduapp 命令行也使用它（除非指定了 --data-dir 或 EDUAPP_DATA_DIR）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="109"/>
        <source>Back up automatically</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="113"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="124"/>
        <source>While the app is open, at most every</source>
        <translation>程序打开时，最多每隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="125"/>
        <source>Keep the newest</source>
        <translation>保留最新的份数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="126"/>
        <source>Keep one a day for this many days</source>
        <translation>每天保留一份，保留天数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="127"/>
        <source>Keep one a week for this many weeks</source>
        <translation>每周保留一份，保留周数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="147"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="159"/>
        <source>stored in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="160"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="161"/>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="162"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="163"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="165"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="166"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="167"/>
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="168"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="179"/>
        <source>The embedded model (SmolLM2-135M) works offline but writes low-quality content and no Chinese; for real teaching material use a stronger provider.</source>
        <translation>内置模型（SmolLM2-135M）可离线使用，但生成内容质量低且不能写中文；正式教学材料请使用更强的模型服务。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="197"/>
        <source>Built-in model (offline, low quality)</source>
        <translation>内置模型（离线，质量较低）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="199"/>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="252"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="260"/>
        <source>Testing {name}…</source>
        <translation>正在测试 {name}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="268"/>
        <source>Works: {model} answered in {ms:.0f} ms.</source>
        <translation>连接正常：{model} 在 {ms:.0f} 毫秒内应答。</translation>
    </message>
</context>
<context>
    <name>StoredExamsDialog</name>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="26"/>
        <source>Stored exams</source>
        <translation>已存试卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="35"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="35"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="35"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="36"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="36"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="37"/>
        <source>Forms</source>
        <translation>卷数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="45"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="58"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="58"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="66"/>
        <source>No exam is stored yet: build one and export its PDFs.</source>
        <translation>还没有已保存的试卷：请先组卷并导出 PDF。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/stored_exams_dialog.py" line="68"/>
        <source>Choose an exam to preview or export it again, exactly as it was built.</source>
        <translation>选择一份试卷，按组卷时的原样再次预览或导出。</translation>
    </message>
</context>
<context>
    <name>StudentPreviewDialog</name>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="31"/>
        <source>Preview as a student</source>
        <translation>以学生视角预览</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="34"/>
        <source>This is how the question looks in practice. Answer it to see the feedback; nothing is recorded.</source>
        <translation>这是该题在练习中的样子。作答后可看到反馈；不会记录任何内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="57"/>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="61"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="63"/>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="65"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="106"/>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="107"/>
        <source>Not right</source>
        <translation>不正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="114"/>
        <source> (your answer)</source>
        <translation>（你的答案）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="123"/>
        <source>Model answer:</source>
        <translation>参考答案：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/student_preview.py" line="125"/>
        <source>Rubric:</source>
        <translation>评分标准：</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="26"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="35"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="35"/>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="35"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="36"/>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="42"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="44"/>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="45"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="71"/>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="72"/>
        <source>1 deleted item. Restore it, or empty the trash to delete it for good.</source>
        <translation>1 道已删除的试题。可恢复，或清空回收站将其永久删除。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="74"/>
        <source>{n} deleted items. Restore them, or empty the trash to delete them for good.</source>
        <translation>{n} 道已删除的试题。可恢复，或清空回收站将其永久删除。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="103"/>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="104"/>
        <source>Delete 1 item for good? This cannot be undone.</source>
        <translation>永久删除 1 道试题？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/trash_dialog.py" line="105"/>
        <source>Delete {n} items for good? This cannot be undone.</source>
        <translation>永久删除 {n} 道试题？此操作无法撤销。</translation>
    </message>
</context>
</TS>
