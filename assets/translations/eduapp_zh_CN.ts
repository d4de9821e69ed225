<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../eduapp/ui/app.py" line="165"/>
        <source>{error}

Move the damaged file aside and start with an empty bank?</source>
        <translation>{error}

是否将损坏的文件移到一旁，并以空题库开始？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/app.py" line="174"/>
        <source>The damaged bank was kept as {path}.</source>
        <translation>已将损坏的题库保留为 {path}。</translation>
    </message>
</context>
<context>
    <name>BlueprintGrid</name>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="47"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="47"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="47"/>
        <source>Count</source>
        <translation>题数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="47"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="48"/>
        <source>Bloom level</source>
        <translation>布鲁姆层次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="48"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="48"/>
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="49"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="66"/>
        <source>Remember</source>
        <translation>记忆</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="66"/>
        <source>Understand</source>
        <translation>理解</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="67"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="67"/>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="68"/>
        <source>Evaluate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="68"/>
        <source>Create</source>
        <translation>创造</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="72"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="72"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="73"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="77"/>
        <source>Easy</source>
        <translation>易</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="77"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="78"/>
        <source>Hard</source>
        <translation>难</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="117"/>
        <location filename="../../eduapp/ui/exam_widgets.py" line="121"/>
        <location filename="../../eduapp/ui/exam_widgets.py" line="131"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="158"/>
        <source>text search: {q}</source>
        <translation>全文检索：{q}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="160"/>
        <source>tags: {t}</source>
        <translation>标签：{t}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="162"/>
        <source>language: {l}</source>
        <translation>语言：{l}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="164"/>
        <source>difficulty mix: {m}</source>
        <translation>难度配比：{m}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="229"/>
        <source>{n} questions match this row and can be used.</source>
        <translation>符合本行且可用的试题：{n} 道。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="232"/>
        <source>{n} more are drafts or reviewed, not approved (tick &quot;Include drafts&quot; to use them).</source>
        <translation>另有 {n} 道为草稿或已审阅、尚未批准（勾选“包含草稿”即可使用）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="235"/>
        <source>{n} more were used in recent exams.</source>
        <translation>另有 {n} 道已在近期考试中使用。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="238"/>
        <source>Cannot be filled: {want} wanted, {n} available.</source>
        <translation>无法组满：需要 {want} 道，可用 {n} 道。</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="272"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="278"/>
        <source>Edit Markdown</source>
        <translation>编辑 Markdown</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="281"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="302"/>
        <source>Lecture notes</source>
        <translation>讲义</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="302"/>
        <source>Case study</source>
        <translation>病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="303"/>
        <source>Handout</source>
        <translation>讲义资料</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="310"/>
        <source>No lecture notes or case studies yet</source>
        <translation>还没有讲义或病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="327"/>
        <source>Generate lecture notes or a case study, or choose a document above.</source>
        <translation>生成讲义或病例分析，或在上方选择一份文档。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="332"/>
        <source>{kind} · {status} · saved in the document store</source>
        <translation>{kind} · {status} · 已保存在文档库中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="335"/>
        <source>written by the built-in model: low quality, check it carefully</source>
        <translation>由内置模型撰写：质量较低，请仔细核对</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="347"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="347"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="348"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="348"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>DraftList</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="217"/>
        <source>✓ no findings</source>
        <translation>✓ 未发现问题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="227"/>
        <source>#{id} · {type} · {topic} · {badge}</source>
        <translation>#{id} · {type} · {topic} · {badge}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="233"/>
        <source>The quality gate found nothing.</source>
        <translation>质量检查未发现问题。</translation>
    </message>
</context>
<context>
    <name>ExamItemTable</name>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="263"/>
        <source>No.</source>
        <translation>题号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="263"/>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="263"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="264"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="264"/>
        <source>Set</source>
        <translation>题组</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="264"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="293"/>
        <source>Set {n} ({m}/{k})</source>
        <translation>题组{n}（{m}/{k}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/exam_widgets.py" line="300"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>ExamsPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="96"/>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="132"/>
        <source>Examination</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="140"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="141"/>
        <source>not printed</source>
        <translation>不打印</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="143"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="144"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="151"/>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="152"/>
        <source>The same seed, bank and blueprint give the same exam; &quot;random&quot; draws a new one each time.</source>
        <translation>相同的随机种子、题库和组卷蓝图会得到相同的试卷；“随机”则每次重新抽题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="154"/>
        <source>Include drafts</source>
        <translation>包含草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="155"/>
        <source>Also use draft and reviewed items, not only approved ones.</source>
        <translation>除已批准的试题外，也使用草稿和已审阅的试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="160"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="160"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="161"/>
        <source>Duration</source>
        <translation>考试时长</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="162"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="163"/>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="163"/>
        <source>Forms</source>
        <translation>卷数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="164"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="165"/>
        <source>Candidate digits</source>
        <translation>准考证号位数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="187"/>
        <source>Blueprint</source>
        <translation>组卷蓝图</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="193"/>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="194"/>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="195"/>
        <source>Load…</source>
        <translation>载入…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="196"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="198"/>
        <source>Build exam</source>
        <translation>组卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="215"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="493"/>
        <source>Shortfalls</source>
        <translation>缺口</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="224"/>
        <source>Generate drafts for this cell</source>
        <translation>为此单元生成草稿题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="228"/>
        <source>Question generation is not available in this installation (the authoring service could not be loaded).</source>
        <translation>此安装中无法生成试题（未能加载命题服务）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="232"/>
        <source>Ask the default language-model provider for draft questions that fit this cell; they go to the bank as drafts for review.</source>
        <translation>请默认的语言模型服务生成符合此单元的草稿题；它们将作为草稿存入题库，等待审阅。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="240"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="247"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="248"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="249"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="250"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="568"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="570"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="251"/>
        <source>A locked question (or set) keeps its place in every form.</source>
        <translation>锁定的试题（或题组）在每套试卷中都保持原位。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="264"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="270"/>
        <source>Export PDFs…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="271"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="324"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="331"/>
        <source>Load blueprint</source>
        <translation>载入组卷蓝图</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="325"/>
        <source>Blueprints (*.json);;All files (*)</source>
        <translation>组卷蓝图 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="339"/>
        <location filename="../../eduapp/ui/pages/exams.py" line="348"/>
        <source>Save blueprint</source>
        <translation>保存组卷蓝图</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="341"/>
        <source>Blueprints (*.json)</source>
        <translation>组卷蓝图 (*.json)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="349"/>
        <source>Cannot write {path} ({error}).</source>
        <translation>无法写入 {path}（{error}）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="353"/>
        <source>{n} questions asked for</source>
        <translation>共需 {n} 道题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="395"/>
        <source>Choosing questions…</source>
        <translation>正在抽题…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="395"/>
        <source>Making the forms…</source>
        <translation>正在生成各套试卷…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="408"/>
        <source>Assembling the exam…</source>
        <translation>正在组卷…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="416"/>
        <source>Last exam built with seed {seed}.</source>
        <translation>上次组卷使用的随机种子为 {seed}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="421"/>
        <source>Nothing could be assembled: no question in the bank fits the blueprint.</source>
        <translation>无法组卷：题库中没有符合组卷蓝图的试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="428"/>
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="432"/>
        <source>{row} ({topic})</source>
        <translation>{row}（{topic}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="438"/>
        <source>{n} usable available</source>
        <translation>可用 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="439"/>
        <source>{n} approved available</source>
        <translation>已审核可用 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="440"/>
        <source>{row}: {needed} needed, {available}</source>
        <translation>{row}：需要 {needed} 题，{available}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="443"/>
        <source>, {n} placed</source>
        <translation>，已选入 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="446"/>
        <source>{n} used in the last {window} exam(s)</source>
        <translation>{n} 题在最近 {window} 次考试中用过</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="449"/>
        <source>{n} already used by another row</source>
        <translation>{n} 题已被其他行选用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="451"/>
        <source>{n} near-duplicate(s) of chosen items skipped</source>
        <translation>跳过 {n} 道与已选试题近似重复的题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="454"/>
        <source>{n} item set(s) too large for the remaining count</source>
        <translation>{n} 个题组超出剩余题量</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="457"/>
        <source>{n} draft or reviewed not included: tick “Include drafts” to use them</source>
        <translation>{n} 道草稿或待审试题未计入，勾选“包含草稿”即可使用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="461"/>
        <source> ({reasons})</source>
        <translation>（{reasons}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="461"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="470"/>
        <source>Row {row}: {found} of {needed} placed; {missing} missing.</source>
        <translation>第 {row} 行：需要 {needed} 道，已选 {found} 道，缺 {missing} 道。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="476"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="477"/>
        <source>{band}: {n} short</source>
        <translation>{band}缺 {n} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="480"/>
        <source>{row}: difficulty mix approximated ({bands})</source>
        <translation>{row}：难度配比只能近似满足（{bands}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="487"/>
        <source>Cells not filled: {n}. The exam holds what was found.</source>
        <translation>未组满的单元：{n} 个。试卷仅包含已找到的试题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="490"/>
        <source>Every cell of the blueprint was filled.</source>
        <translation>组卷蓝图的每个单元均已组满。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="492"/>
        <source>Shortfalls ({n})</source>
        <translation>缺口（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="518"/>
        <source>{n} draft questions stored for review. Approve them in the Item bank, or tick &quot;Include drafts&quot;, then build again.</source>
        <translation>已保存 {n} 道草稿题待审阅。请在题库中批准它们，或勾选“包含草稿”，然后重新组卷。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="521"/>
        <source>{n} could not be produced:</source>
        <translation>{n} 道未能生成：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="525"/>
        <source>Generate drafts</source>
        <translation>生成草稿题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="528"/>
        <source>Generating {n} draft questions…</source>
        <translation>正在生成 {n} 道草稿题…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="542"/>
        <source>Build an exam to preview its papers, keys and answer sheets here.</source>
        <translation>组卷后可在此预览试卷、答案和答题卡。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="552"/>
        <source>{n} questions · {m:g} marks</source>
        <translation>{n} 道题 · 共 {m:g} 分</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="568"/>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="647"/>
        <source>Form {code}: paper</source>
        <translation>{code} 卷：试卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="649"/>
        <source>Form {code}: answer key</source>
        <translation>{code} 卷：答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="651"/>
        <source>Form {code}: answer sheet</source>
        <translation>{code} 卷：答题卡</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="653"/>
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
        <location filename="../../eduapp/ui/pages/exams.py" line="701"/>
        <source>Export PDFs into</source>
        <translation>将 PDF 导出到</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="718"/>
        <source>Exam {id} stored; {n} PDFs and the manifest written to {path}.</source>
        <translation>已保存考试 {id}；{n} 个 PDF 及清单已写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/exams.py" line="721"/>
        <source>Writing the PDFs…</source>
        <translation>正在写入 PDF…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="212"/>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="251"/>
        <source>Export items</source>
        <extracomment>items the format could not hold (``{&quot;item&quot;, &quot;uid&quot;, &quot;message&quot;}``), after export</extracomment>
        <translation>导出试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="216"/>
        <source>Selected items ({n})</source>
        <translation>选中的试题（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="217"/>
        <source>Items shown by the current search ({n})</source>
        <translation>当前搜索显示的试题（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="218"/>
        <source>The whole bank</source>
        <translation>整个题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="229"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="232"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="236"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="239"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="279"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>GeneratePage</name>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="80"/>
        <location filename="../../eduapp/ui/pages/generate.py" line="101"/>
        <source>Generate</source>
        <extracomment>Most drafts the review queue shows at once (newest first). Most documents in the document menu.</extracomment>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="124"/>
        <source>Review queue</source>
        <translation>审核队列</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="128"/>
        <source>Notes and case studies</source>
        <translation>讲义与病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="152"/>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="153"/>
        <source>Mark as reviewed: checked by a person, not yet approved for exams</source>
        <translation>标记为已审阅：已由人工检查，尚未批准用于考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="155"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="156"/>
        <source>Approve for use in exams (your decision)</source>
        <translation>批准用于考试（由您决定）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="157"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="158"/>
        <source>Write a replacement with the same request and discard this draft</source>
        <translation>按相同要求重写一道题，并丢弃此草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="160"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="161"/>
        <source>Move to the bank&apos;s trash</source>
        <translation>移入题库回收站</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="249"/>
        <source>{progress} · {seconds} s</source>
        <translation>{progress} · {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="257"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="281"/>
        <source>Cancelled. Nothing was stored.</source>
        <translation>已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="285"/>
        <source>Something went wrong; nothing was stored.</source>
        <translation>出错了，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="298"/>
        <source>Give a topic to generate about.</source>
        <translation>请填写要生成内容的知识点。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="307"/>
        <source>Waiting for {provider}…</source>
        <translation>正在等待 {provider}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="321"/>
        <source>{done} of {total} questions written</source>
        <translation>已写出 {done}/{total} 道题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="334"/>
        <source>{tokens} tokens so far</source>
        <translation>已生成 {tokens} 个词元</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="349"/>
        <source>{n} draft questions are waiting for your review.</source>
        <translation>{n} 道草稿题正等待您审核。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="352"/>
        <source>These drafts were stored earlier; nothing new was generated.</source>
        <translation>这些草稿此前已保存，未生成新内容。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="354"/>
        <source>{n} could not be produced: {why}</source>
        <translation>{n} 道未能生成：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="363"/>
        <source>“{title}” is saved as a draft document. Read it, edit it if needed, and save.</source>
        <translation>“{title}”已保存为草稿文档。请阅读，必要时修改后保存。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="393"/>
        <source>{n} drafts waiting for review</source>
        <translation>{n} 份草稿等待审核</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="394"/>
        <source>No drafts waiting for review.</source>
        <translation>没有等待审核的草稿。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="395"/>
        <source>Review queue ({n})</source>
        <translation>审核队列（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="414"/>
        <source>Select one draft to read and edit it.</source>
        <translation>选择一份草稿以查看和编辑。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="416"/>
        <source>{n} drafts selected.</source>
        <translation>已选择 {n} 份草稿。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="432"/>
        <source>Approved {n} items.</source>
        <translation>已批准 {n} 道题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="433"/>
        <source>Accepted {n} items as reviewed.</source>
        <translation>已将 {n} 道题标记为已审阅。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="449"/>
        <source>Discarded {n} drafts.</source>
        <translation>已丢弃 {n} 份草稿。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="467"/>
        <source>Writing a replacement for draft #{id} with {provider}…</source>
        <translation>正在用 {provider} 重写草稿 #{id}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="479"/>
        <source>Draft #{old} was replaced by #{new}.</source>
        <translation>草稿 #{old} 已被 #{new} 替换。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="490"/>
        <source>Saved draft #{id} (version {v}).</source>
        <translation>已保存草稿 #{id}（第 {v} 版）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/generate.py" line="523"/>
        <source>Saved “{title}”.</source>
        <translation>已保存“{title}”。</translation>
    </message>
</context>
<context>
    <name>GenerationForm</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="82"/>
        <location filename="../../eduapp/ui/generate_widgets.py" line="100"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="82"/>
        <source>Lecture notes</source>
        <translation>讲义</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="83"/>
        <source>Case study</source>
        <translation>病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="86"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="88"/>
        <source>e.g. atrial fibrillation, 急性心肌梗死</source>
        <translation>例如：心房颤动、急性心肌梗死</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="89"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="91"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="92"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="93"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="97"/>
        <source>Provider</source>
        <translation>模型服务</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="106"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="110"/>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="112"/>
        <location filename="../../eduapp/ui/generate_widgets.py" line="117"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="115"/>
        <source>Bloom level</source>
        <translation>布鲁姆层次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="117"/>
        <source>Easy (p ≈ 0.85)</source>
        <translation>容易（p ≈ 0.85）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="118"/>
        <source>Moderate (p ≈ 0.65)</source>
        <translation>中等（p ≈ 0.65）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="119"/>
        <source>Hard (p ≈ 0.45)</source>
        <translation>较难（p ≈ 0.45）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="121"/>
        <source>Expected facility index: the share of candidates who answer correctly</source>
        <translation>预期难度指数：答对考生所占比例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="123"/>
        <source>Difficulty</source>
        <translation>难度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="125"/>
        <source>one learning objective per line (optional)</source>
        <translation>每行一个学习目标（可选）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="128"/>
        <source>Objectives</source>
        <translation>学习目标</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="129"/>
        <source>Verify answers with a second blind call</source>
        <translation>用第二次盲答调用核对答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="131"/>
        <source>The model answers each question without seeing the key; a disagreement becomes a finding.</source>
        <translation>模型在看不到答案的情况下作答；结果不一致时会记为一条质量问题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="136"/>
        <source>Source text (optional): your notes or a guideline excerpt to base the content on</source>
        <translation>参考文本（可选）：作为内容依据的笔记或指南摘录</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="141"/>
        <source>Paste text here…</source>
        <translation>在此粘贴文本…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="149"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="149"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="150"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="150"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="151"/>
        <source>Clinical vignette (single best answer)</source>
        <translation>病例题（单项最佳选择）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="155"/>
        <source>Remember</source>
        <translation>记忆</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="155"/>
        <source>Understand</source>
        <translation>理解</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="156"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="156"/>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="157"/>
        <source>Evaluate</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="157"/>
        <source>Create</source>
        <translation>创造</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="169"/>
        <source>{name} (built-in, low quality)</source>
        <translation>{name}（内置，质量较低）</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="432"/>
        <source>Item history</source>
        <translation>试题历史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="440"/>
        <source>Version {n} · {when} · {note}</source>
        <translation>第 {n} 版 · {when} · {note}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="449"/>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="46"/>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="99"/>
        <source>Import items</source>
        <extracomment>Formats offered for import and export (names of the interop registry).</extracomment>
        <translation>导入试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="52"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="60"/>
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="62"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="64"/>
        <source>As the file says, else detected from the text</source>
        <translation>按文件所标注，否则根据文本自动识别</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="65"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="66"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="68"/>
        <source>Language of the items</source>
        <translation>试题语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="70"/>
        <source>optional, e.g. Year 3/Cardiology</source>
        <translation>可选，例如 三年级/心血管</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="71"/>
        <source>Put into category</source>
        <translation>放入分类</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="72"/>
        <source>Reject a whole file on its first error</source>
        <translation>文件中出现第一个错误即拒绝整个文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="76"/>
        <source>File / entry</source>
        <translation>文件 / 条目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="76"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="83"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="100"/>
        <source>Item files (*.json *.xml *.gift *.txt *.csv *.zip *.apkg);;All files (*)</source>
        <translation>试题文件 (*.json *.xml *.gift *.txt *.csv *.zip *.apkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="113"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="128"/>
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="138"/>
        <source>cannot be imported: {why}</source>
        <translation>无法导入：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="148"/>
        <source>{fmt}: {n} items ({parts}), {sets} sets, {docs} documents; languages: {langs}</source>
        <translation>{fmt}：{n} 道试题（{parts}），{sets} 个题组，{docs} 篇文档；语言：{langs}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="158"/>
        <source>note: {message}</source>
        <translation>提示：{message}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="160"/>
        <source>{n} items ready to import.</source>
        <translation>{n} 道试题可以导入。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="177"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="193"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>ItemBankPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="41"/>
        <source>Item bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="46"/>
        <source>Search stems, options, explanations, tags (English or 中文)</source>
        <translation>搜索题干、选项、解析、标签（中文或英文）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="52"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="52"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="53"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="54"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="87"/>
        <source>New item</source>
        <translation>新建试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="88"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="90"/>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="92"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="93"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="125"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="125"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="128"/>
        <source>All types</source>
        <translation>全部题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="128"/>
        <source>All topics</source>
        <translation>全部知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="129"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="129"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="130"/>
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="162"/>
        <source>{n} items</source>
        <translation>{n} 道试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="219"/>
        <source>Saved item {id} (version {v}).</source>
        <translation>已保存试题 {id}（第 {v} 版）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="236"/>
        <source>Deleted {n} items. Press Undo delete to bring them back.</source>
        <translation>已删除 {n} 道试题。点击“撤销删除”可恢复。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="269"/>
        <source>Imported {i}, updated {u}, skipped {s}.</source>
        <translation>导入 {i} 道，更新 {u} 道，跳过 {s} 道。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="277"/>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="296"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 条</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="278"/>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="282"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="291"/>
        <source>Exported {n} items to {path}.</source>
        <translation>已将 {n} 道试题导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="298"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="299"/>
        <source>Left out, the format cannot hold them:</source>
        <translation>以下试题未导出，该格式无法容纳：</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="86"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="86"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="89"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="91"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="94"/>
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="96"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="103"/>
        <source>Clinical vignette: patient, setting, findings</source>
        <translation>临床病例：患者、场景、检查所见</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="105"/>
        <source>Vignette</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="107"/>
        <source>Lead-in question</source>
        <translation>问题（题干引导句）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="109"/>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="111"/>
        <source>Key</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="111"/>
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="112"/>
        <location filename="../../eduapp/ui/item_editor.py" line="131"/>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="119"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="121"/>
        <source>Add option</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="122"/>
        <source>Remove option</source>
        <translation>删除选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="134"/>
        <source>Model answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="137"/>
        <source>Rubric</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="139"/>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="140"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="142"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="148"/>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="150"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="153"/>
        <source>Expected p</source>
        <translation>预期 p 值</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="157"/>
        <source>Expected facility index: the share of candidates who answer correctly (0..1; higher is easier)</source>
        <translation>预期难度系数：答对考生的比例（0..1，越高越容易）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="163"/>
        <source>Bloom level</source>
        <translation>布鲁姆层次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="165"/>
        <source>one reference per line</source>
        <translation>每行一条参考文献</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="167"/>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="173"/>
        <source>Add image…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="174"/>
        <source>Remove image</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="185"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="188"/>
        <source>Quality gate</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="192"/>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="193"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="194"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="211"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="211"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="212"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="212"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="213"/>
        <source>Matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="213"/>
        <source>Numerical</source>
        <translation>数值题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="214"/>
        <source>Essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="214"/>
        <source>Cloze</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="215"/>
        <source>Description</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="219"/>
        <source>written by hand</source>
        <translation>手工编写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="219"/>
        <source>starter bank</source>
        <translation>入门题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="220"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="220"/>
        <source>generated</source>
        <translation>模型生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="225"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="225"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="226"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="226"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="246"/>
        <source>Select an item to edit it, or press New item.</source>
        <translation>选择一道试题进行编辑，或点击“新建试题”。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="249"/>
        <source>Item {id} · version {version} · {source}</source>
        <translation>试题 {id} · 第 {version} 版 · {source}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="250"/>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="256"/>
        <source>translation: item {id} ({language})</source>
        <translation>译文：试题 {id}（{language}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="286"/>
        <source>Question {n} of an item set: the set is kept, exported and printed as one unit. The shared vignette is edited with the set.</source>
        <translation>题组中的第 {n} 题：题组作为一个整体保存、导出和打印。共用题干随题组编辑。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="358"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="367"/>
        <source>No findings.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="384"/>
        <source>Add image</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="385"/>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="392"/>
        <location filename="../../eduapp/ui/item_editor.py" line="396"/>
        <source>Cannot add image</source>
        <translation>无法添加图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="397"/>
        <source>{name} is not a PNG, JPEG or GIF image.</source>
        <translation>{name} 不是 PNG、JPEG 或 GIF 图片。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="419"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38"/>
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38"/>
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39"/>
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="40"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="40"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46"/>
        <source>SBA</source>
        <translation>单选</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46"/>
        <source>Multiple</source>
        <translation>多选</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47"/>
        <source>Short</source>
        <translation>简答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="48"/>
        <source>Matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="48"/>
        <source>Numerical</source>
        <translation>数值题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="49"/>
        <source>Essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="49"/>
        <source>Cloze</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="50"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="50"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="51"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="51"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="52"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="52"/>
        <source>EN</source>
        <translation>英</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="52"/>
        <source>中文</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>LowQualityBanner</name>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="52"/>
        <source>⚠ Low quality: the built-in model (SmolLM2-135M) works offline, but what it writes is often wrong and it cannot write real Chinese. Check every draft, and use a stronger provider (OpenAI, DeepSeek, Qwen, or a local Ollama or vLLM server) for material you mean to keep.</source>
        <extracomment>What the form can ask for: questions (review queue), lecture notes, a case study. Question types of :class:`~eduapp.authoring.QuestionSpec` (``vignette`` is an SBA item). Target facility index per difficulty choice (``None``: let the model choose).</extracomment>
        <translation>⚠ 质量较低：内置模型（SmolLM2-135M）可离线使用，但写出的内容常有错误，也写不出真正的中文。请逐一核对草稿；需要保留的教学材料请使用更强的模型服务（OpenAI、DeepSeek、通义千问，或本地 Ollama / vLLM 服务器）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/generate_widgets.py" line="57"/>
        <source>Configure a provider…</source>
        <translation>配置模型服务…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="53"/>
        <source>EduApp — medical teaching</source>
        <translation>EduApp — 医学教学</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="63"/>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="63"/>
        <source>Item bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="64"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="65"/>
        <source>Generate lecture notes, case studies and exam questions with a language model, review them with their quality-gate findings, and keep them in the bank. Available from the command line now: eduapp generate.</source>
        <translation>用语言模型生成讲义、病例和试题，结合质量检查结果审阅后存入题库。目前可在命令行使用：eduapp generate。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="68"/>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="69"/>
        <source>Assemble exams from blueprints, shuffle forms and print papers, keys, answer sheets and handouts.</source>
        <translation>按考试蓝图组卷，生成多套乱序试卷，打印试卷、答案、答题卡和讲义。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="71"/>
        <location filename="../../eduapp/ui/main_window.py" line="78"/>
        <source>Virtual patients</source>
        <translation>虚拟病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="72"/>
        <source>Write and review virtual-patient cases for students to interview.</source>
        <translation>编写并审阅供学生问诊的虚拟病人病例。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="73"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="73"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="74"/>
        <source>Practise offline in tutor or timed mode with instant feedback and spaced repetition.</source>
        <translation>离线练习：辅导模式或计时模式，即时反馈并按间隔重复复习。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="76"/>
        <source>Progress</source>
        <translation>学习进度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="77"/>
        <source>See accuracy by topic, weak areas and a recommended learning path.</source>
        <translation>查看各知识点正确率、薄弱环节和推荐的学习路径。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="79"/>
        <source>Interview a virtual patient, then get scored and debriefed.</source>
        <translation>问诊虚拟病人，随后获得评分和复盘。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="113"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="114"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="118"/>
        <source>Load the &amp;starter bank</source>
        <translation>载入入门题库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="126"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="127"/>
        <source>&amp;About EduApp</source>
        <translation>关于 EduApp(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="148"/>
        <source>This page is planned for a later version of EduApp.</source>
        <translation>此页面将在 EduApp 的后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="201"/>
        <source>{items} items · {sets} sets · {docs} documents · {path}</source>
        <translation>{items} 道试题 · {sets} 个题组 · {docs} 篇文档 · {path}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="229"/>
        <source>Starter bank</source>
        <translation>入门题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="230"/>
        <source>Your item bank is empty. Load the starter bank (reviewed English and Chinese questions across eight systems, with lecture notes)?</source>
        <translation>题库为空。是否载入入门题库（经审阅的中英文试题，覆盖八个系统，附讲义）？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="244"/>
        <source>Starter bank: {n} items imported, {d} documents</source>
        <translation>入门题库：已导入 {n} 道试题、{d} 篇文档</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="247"/>
        <source>Loading the starter bank…</source>
        <translation>正在载入入门题库…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="259"/>
        <source>About EduApp</source>
        <translation>关于 EduApp</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="260"/>
        <source>EduApp {version}
LLM-assisted medical teaching: item bank, exams, practice and virtual patients, in English and Simplified Chinese.</source>
        <translation>EduApp {version}
大语言模型辅助的医学教学：题库、考试、练习和虚拟病人，支持英文和简体中文。</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="94"/>
        <source>EduApp</source>
        <translation>EduApp</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="99"/>
        <source>Something went wrong. The details have been logged; please send them with a short note of what you were doing.</source>
        <translation>出现了意外错误。详情已记录，请连同您当时的操作简要说明一并发送给我们。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="103"/>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="257"/>
        <source>Cancel</source>
        <extracomment>Run ops inline on the calling thread (pytest-qt tests). The error box shown last in synchronous mode (for tests).</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="134"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="138"/>
        <source>Student:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="142"/>
        <source>New student…</source>
        <translation>新建学生…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="159"/>
        <source>What to practise</source>
        <translation>练习内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="165"/>
        <source>Topics (none selected: all)</source>
        <translation>主题（不选：全部）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="166"/>
        <source>Systems (none selected: all)</source>
        <translation>系统（不选：全部）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="170"/>
        <source>Tags, separated by commas</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="174"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="178"/>
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="179"/>
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="180"/>
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="180"/>
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="185"/>
        <source>Question types</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="188"/>
        <source>Unused</source>
        <translation>未做过</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="188"/>
        <source>Incorrect</source>
        <translation>做错过</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="189"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="189"/>
        <source>Due for review</source>
        <translation>待复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="193"/>
        <source>Only from (none ticked: all)</source>
        <translation>仅限（不勾选：全部）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="197"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="199"/>
        <source>Tutor: feedback after each answer</source>
        <translation>辅导模式：每题作答后立即反馈</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="200"/>
        <source>Timed: a clock, review at the end</source>
        <translation>计时模式：限时作答，结束后回顾</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="201"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="205"/>
        <source> s per question</source>
        <translation> 秒/题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="206"/>
        <source>Timed pace</source>
        <translation>计时速度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="207"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="213"/>
        <source>Start today&apos;s reviews</source>
        <translation>开始今日复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="216"/>
        <source>Start the recommended session</source>
        <translation>开始推荐练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="222"/>
        <source>Resume where I stopped</source>
        <translation>从上次中断处继续</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="254"/>
        <source>Type your answer</source>
        <translation>输入你的答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="257"/>
        <source>This question was removed from the bank after the session began; you can still answer it.</source>
        <translation>本练习开始后此题已从题库删除；你仍可作答。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="262"/>
        <source>← Previous</source>
        <translation>← 上一题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="264"/>
        <location filename="../../eduapp/ui/pages/practice.py" line="532"/>
        <source>Flag (F)</source>
        <translation>标记 (F)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="266"/>
        <source>Check (Enter)</source>
        <translation>提交 (Enter)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="268"/>
        <source>Next →</source>
        <translation>下一题 →</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="270"/>
        <location filename="../../eduapp/ui/pages/practice.py" line="530"/>
        <source>Submit the session</source>
        <translation>交卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="272"/>
        <source>Back to the builder</source>
        <translation>返回组卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="286"/>
        <source>Wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="286"/>
        <source>Partly right</source>
        <translation>部分正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="287"/>
        <location filename="../../eduapp/ui/pages/practice.py" line="550"/>
        <source>Right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="297"/>
        <source>Ask the tutor about this question</source>
        <translation>就此题向辅导老师提问</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="300"/>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="329"/>
        <source>The practice history was damaged. It was kept as {path}; {n} answers could be recovered into a fresh history.</source>
        <translation>练习记录文件已损坏，已保留为 {path}；已将 {n} 条作答记录恢复到新的记录中。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="364"/>
        <location filename="../../eduapp/ui/pages/practice.py" line="367"/>
        <source>New student</source>
        <translation>新建学生</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="364"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="368"/>
        <source>Course (optional):</source>
        <translation>课程（可选）：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="399"/>
        <source>Add a student to begin.</source>
        <translation>请先添加一名学生。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="402"/>
        <source>Review deck: {total} cards, {due} due now, {today} due today.</source>
        <translation>复习卡组：共 {total} 张，现在到期 {due} 张，今日到期 {today} 张。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="441"/>
        <source>Choosing questions…</source>
        <translation>正在抽题…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="482"/>
        <source>Question {n} of {total}</source>
        <translation>第 {n} 题，共 {total} 题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="483"/>
        <source> · flagged</source>
        <translation> · 已标记</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="486"/>
        <source>(question {k} of {m})</source>
        <translation>（第 {k} 题，共 {m} 题）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="490"/>
        <source>(question {k} of {m}, shared options)</source>
        <translation>（第 {k} 题，共 {m} 题，共用选项）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="531"/>
        <source>End the session</source>
        <translation>结束练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="532"/>
        <source>Unflag (F)</source>
        <translation>取消标记 (F)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="536"/>
        <source>Mark your answer:</source>
        <translation>给你的答案评分：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="537"/>
        <source>Disagree? Your mark:</source>
        <translation>不同意？你的评分：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="547"/>
        <source>Compare your answer with the model answer and mark it.</source>
        <translation>请将你的答案与参考答案比较并评分。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="554"/>
        <source>Not right ({score:.0%})</source>
        <translation>不正确（{score:.0%}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="559"/>
        <source> (your answer)</source>
        <translation>（你的答案）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="566"/>
        <source>Model answer:</source>
        <translation>参考答案：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="569"/>
        <source>Rubric:</source>
        <translation>评分标准：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="572"/>
        <source>Missing:</source>
        <translation>遗漏要点：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="577"/>
        <source>Your own mark: {score:.0%}</source>
        <translation>你的自评：{score:.0%}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="582"/>
        <source>References:</source>
        <translation>参考文献：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="595"/>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="595"/>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="596"/>
        <source>answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="597"/>
        <source>not answered</source>
        <translation>未答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="608"/>
        <source>Time left {m}:{s:02d}</source>
        <translation>剩余时间 {m}:{s:02d}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="686"/>
        <location filename="../../eduapp/ui/pages/practice.py" line="722"/>
        <source>Marking…</source>
        <translation>正在评分…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="716"/>
        <source>Submit</source>
        <translation>交卷</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="716"/>
        <source>{n} questions are not answered. Submit anyway?</source>
        <translation>还有 {n} 题未作答。仍要交卷吗？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="735"/>
        <source>Time is up: the session was submitted.</source>
        <translation>时间到：已自动交卷。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="737"/>
        <source>Session over: {correct} of {total} right ({score:.0%}). Review each question with the navigator.</source>
        <translation>练习结束：{total} 题中答对 {correct} 题（{score:.0%}）。可通过导航逐题回顾。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="763"/>
        <source>Explain this question.</source>
        <translation>请讲解这道题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="767"/>
        <source>Asking the tutor…</source>
        <translation>正在询问辅导老师…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="771"/>
        <source>Sources: {s}</source>
        <translation>来源：{s}</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="62"/>
        <source>Progress</source>
        <translation>学习进度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="66"/>
        <source>Student:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="85"/>
        <source>Open Practice</source>
        <translation>打开练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="102"/>
        <source>Mastery by topic and week</source>
        <translation>各主题每周掌握情况</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="106"/>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="114"/>
        <source>Exam date:</source>
        <translation>考试日期：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="117"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="121"/>
        <source>Set</source>
        <translation>题组</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="127"/>
        <source>Day / session</source>
        <translation>日期 / 练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="127"/>
        <source>Questions</source>
        <translation>试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="128"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="132"/>
        <source>Weak areas and plan</source>
        <translation>薄弱环节与计划</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="139"/>
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="139"/>
        <source>Cards</source>
        <translation>卡片数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="140"/>
        <source>Due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="144"/>
        <source>Review deck</source>
        <translation>复习卡组</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="149"/>
        <source>Import attempt files…</source>
        <translation>导入作答文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="150"/>
        <source>Export my attempts…</source>
        <translation>导出我的作答…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="151"/>
        <source>Class report (CSV or PDF)…</source>
        <translation>班级报告（CSV 或 PDF）…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="158"/>
        <source>Exam:</source>
        <translation>考试：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="166"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="166"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="280"/>
        <source>Answers</source>
        <translation>作答数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="166"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="166"/>
        <source>r_pb</source>
        <translation>r_pb</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="167"/>
        <source>Options chosen</source>
        <translation>选项选择率</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="167"/>
        <source>Needs attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="175"/>
        <source>Prerequisites:</source>
        <translation>先修主题：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="180"/>
        <source>requires</source>
        <translation>需要先学</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="182"/>
        <source>topics, separated by commas</source>
        <translation>主题，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="184"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="188"/>
        <source>Class (teacher)</source>
        <translation>班级（教师）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="220"/>
        <source>No student yet: add one on the Practice page.</source>
        <translation>还没有学生：请在练习页面添加。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="221"/>
        <source>Progress shows here once a student has practised.
Add a student on the Practice page and answer a few questions.</source>
        <translation>学生练习之后，学习进度会显示在这里。
请在练习页面添加学生并作答几道题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="250"/>
        <source>{n} answers · accuracy {acc} · {sec} s per question · streak {streak} days (longest {longest}) · {due} reviews due{pct}</source>
        <translation>作答 {n} 次 · 正确率 {acc} · 每题 {sec} 秒 · 连续 {streak} 天（最长 {longest} 天）· 待复习 {due} 题{pct}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="255"/>
        <source> · {p:.0f}th percentile of the class</source>
        <translation> · 位于班级第 {p:.0f} 百分位</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="260"/>
        <source>No answers yet: charts of accuracy, topics and weeks appear after the first practice questions.</source>
        <translation>尚无作答：完成首批练习题后，这里会显示正确率、知识点和每周掌握情况的图表。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="275"/>
        <source>Accuracy and answers per day</source>
        <translation>每日正确率与作答数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="277"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="314"/>
        <source>Accuracy %</source>
        <translation>正确率 %</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="312"/>
        <source>Accuracy and mastery by topic</source>
        <translation>各主题正确率与掌握度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="315"/>
        <source>Mastery %</source>
        <translation>掌握度 %</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="339"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="389"/>
        <source>(no topic)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="351"/>
        <source>No weak areas yet: topics show here once you have answered at least five questions on them.</source>
        <translation>暂无薄弱环节：某主题作答满五题后会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="354"/>
        <source>Lecture notes</source>
        <translation>讲义</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="354"/>
        <source>Case studies</source>
        <translation>病例分析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="355"/>
        <source>Handouts</source>
        <translation>讲义资料</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="356"/>
        <source>Weak areas</source>
        <translation>薄弱环节</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="369"/>
        <source>Reviews due</source>
        <translation>待复习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="369"/>
        <source>Weak area</source>
        <translation>薄弱环节</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="370"/>
        <source>New topic</source>
        <translation>新主题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="370"/>
        <source>Consolidate</source>
        <translation>巩固</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="383"/>
        <source>{total} cards: {learning} learning, {review} in review, {relearning} relearning. {due} due now, {today} due today.</source>
        <translation>共 {total} 张卡片：学习中 {learning}，复习中 {review}，重新学习 {relearning}。现在到期 {due} 张，今日到期 {today} 张。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="429"/>
        <source>All practice</source>
        <translation>全部练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="436"/>
        <source>{students} students, {items} questions answered, {n} need attention (p &lt; 0.2 or &gt; 0.95, r_pb &lt; 0.15, a distractor nobody picks, often flagged).</source>
        <translation>{students} 名学生，作答 {items} 道题，其中 {n} 道需关注（p &lt; 0.2 或 &gt; 0.95、r_pb &lt; 0.15、有无人选择的干扰项、常被标记）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="442"/>
        <source>KR-20 of this exam: {v} ({s} students × {i} questions).</source>
        <translation>本次考试 KR-20：{v}（{s} 名学生 × {i} 道题）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="454"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="483"/>
        <source>Import attempt files</source>
        <translation>导入作答文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="484"/>
        <location filename="../../eduapp/ui/pages/progress.py" line="508"/>
        <source>Attempt files (*.json)</source>
        <translation>作答文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="488"/>
        <source>Importing attempts…</source>
        <translation>正在导入作答…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="492"/>
        <source>{added} attempts added ({dups} already here), {profiles} new students.</source>
        <translation>新增 {added} 条作答（{dups} 条已存在），新增学生 {profiles} 名。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="506"/>
        <source>Export my attempts</source>
        <translation>导出我的作答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="513"/>
        <source>{n} attempts saved to {path}.</source>
        <translation>已将 {n} 条作答保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="518"/>
        <source>Class report</source>
        <translation>班级报告</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="520"/>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="525"/>
        <source>Writing the class report…</source>
        <translation>正在生成班级报告…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="527"/>
        <source>Class report saved to {path}.</source>
        <translation>班级报告已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="27"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="268"/>
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
        <location filename="../../eduapp/ui/settings_dialog.py" line="91"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="33"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="202"/>
        <location filename="../../eduapp/ui/settings_dialog.py" line="250"/>
        <source>Providers</source>
        <translation>模型服务</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="47"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="51"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="55"/>
        <source>PDF page size</source>
        <translation>PDF 纸张大小</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="57"/>
        <source>Institution (exam covers)</source>
        <translation>单位名称（试卷封面）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="61"/>
        <source>Generation requests at once</source>
        <translation>同时发送的生成请求数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="65"/>
        <source>Avoid items used in the last N exams</source>
        <translation>避开最近 N 次考试用过的试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="73"/>
        <source>The item bank, settings and provider profiles are kept in this folder:</source>
        <translation>题库、设置和模型服务配置保存在此文件夹：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="78"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="83"/>
        <source>A new folder takes effect the next time EduApp starts. The command line uses --data-dir or EDUAPP_DATA_DIR.</source>
        <translation>新文件夹在下次启动 EduApp 时生效。命令行使用 --data-dir 或 EDUAPP_DATA_DIR。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="116"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="128"/>
        <source>stored in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="129"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="130"/>
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="131"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="132"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="134"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="135"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="136"/>
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="137"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="148"/>
        <source>The embedded model (SmolLM2-135M) works offline but writes low-quality content and no Chinese; for real teaching material use a stronger provider.</source>
        <translation>内置模型（SmolLM2-135M）可离线使用，但生成内容质量低且不能写中文；正式教学材料请使用更强的模型服务。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="166"/>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="217"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="225"/>
        <source>Testing {name}…</source>
        <translation>正在测试 {name}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="233"/>
        <source>Works: {model} answered in {ms:.0f} ms.</source>
        <translation>连接正常：{model} 在 {ms:.0f} 毫秒内应答。</translation>
    </message>
</context>
</TS>
