<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../eduapp/ui/app.py" line="165" />
        <source>{error}

Move the damaged file aside and start with an empty bank?</source>
        <translation>{error}

是否将损坏的文件移到一旁，并以空题库开始？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/app.py" line="174" />
        <source>The damaged bank was kept as {path}.</source>
        <translation>已将损坏的题库保留为 {path}。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="192" />
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="229" />
        <source>Export items</source>
        <translation>导出试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="196" />
        <source>Selected items ({n})</source>
        <translation>选中的试题（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="197" />
        <source>Items shown by the current search ({n})</source>
        <translation>当前搜索显示的试题（{n}）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="198" />
        <source>The whole bank</source>
        <translation>整个题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="209" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="212" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="216" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="219" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="255" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="423" />
        <source>Item history</source>
        <translation>试题历史</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="431" />
        <source>Version {n} · {when} · {note}</source>
        <translation>第 {n} 版 · {when} · {note}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="440" />
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="45" />
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="92" />
        <source>Import items</source>
        <extracomment>Formats offered for import and export (names of the interop registry).</extracomment>
        <translation>导入试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="51" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="59" />
        <source>Detect automatically</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="61" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="63" />
        <source>optional, e.g. Year 3/Cardiology</source>
        <translation>可选，例如 三年级/心血管</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="64" />
        <source>Put into category</source>
        <translation>放入分类</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="65" />
        <source>Reject a whole file on its first error</source>
        <translation>文件中出现第一个错误即拒绝整个文件</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="69" />
        <source>File / entry</source>
        <translation>文件 / 条目</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="69" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="76" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="93" />
        <source>Item files (*.json *.xml *.gift *.txt *.csv *.zip *.apkg);;All files (*)</source>
        <translation>试题文件 (*.json *.xml *.gift *.txt *.csv *.zip *.apkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="105" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="120" />
        <source>Reading files…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="130" />
        <source>cannot be imported: {why}</source>
        <translation>无法导入：{why}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="137" />
        <source>{fmt}: {n} items ({parts}), {sets} sets, {docs} documents</source>
        <translation>{fmt}：{n} 道试题（{parts}），{sets} 个题组，{docs} 篇文档</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="143" />
        <source>{n} items ready to import.</source>
        <translation>{n} 道试题可以导入。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="159" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/transfer_dialogs.py" line="175" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>ItemBankPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="41" />
        <source>Item bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="46" />
        <source>Search stems, options, explanations, tags (English or 中文)</source>
        <translation>搜索题干、选项、解析、标签（中文或英文）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="52" />
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="52" />
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="53" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="53" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="54" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="87" />
        <source>New item</source>
        <translation>新建试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="88" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="90" />
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="92" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="93" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="121" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="121" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="124" />
        <source>All types</source>
        <translation>全部题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="124" />
        <source>All topics</source>
        <translation>全部知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="125" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="125" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="126" />
        <source>All languages</source>
        <translation>全部语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="158" />
        <source>{n} items</source>
        <translation>{n} 道试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="212" />
        <source>Saved item {id} (version {v}).</source>
        <translation>已保存试题 {id}（第 {v} 版）。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="229" />
        <source>Deleted {n} items. Press Undo delete to bring them back.</source>
        <translation>已删除 {n} 道试题。点击“撤销删除”可恢复。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="266" />
        <source>Imported {i}, updated {u}, skipped {s}.</source>
        <translation>导入 {i} 道，更新 {u} 道，跳过 {s} 道。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="274" />
        <source>… and {n} more</source>
        <translation>……另有 {n} 条</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="275" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/item_bank.py" line="285" />
        <source>Exported {n} items to {path}.</source>
        <translation>已将 {n} 道试题导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="86" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="86" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="89" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="91" />
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="94" />
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="96" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="103" />
        <source>Clinical vignette: patient, setting, findings</source>
        <translation>临床病例：患者、场景、检查所见</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="105" />
        <source>Vignette</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="107" />
        <source>Lead-in question</source>
        <translation>问题（题干引导句）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="109" />
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="111" />
        <source>Key</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="111" />
        <source>Option</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="112" />
        <location filename="../../eduapp/ui/item_editor.py" line="131" />
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="119" />
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="121" />
        <source>Add option</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="122" />
        <source>Remove option</source>
        <translation>删除选项</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="134" />
        <source>Model answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="137" />
        <source>Rubric</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="139" />
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="140" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="142" />
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="148" />
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="150" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="153" />
        <source>Expected p</source>
        <translation>预期 p 值</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="157" />
        <source>Expected facility index: the share of candidates who answer correctly (0..1; higher is easier)</source>
        <translation>预期难度系数：答对考生的比例（0..1，越高越容易）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="163" />
        <source>Bloom level</source>
        <translation>布鲁姆层次</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="165" />
        <source>one reference per line</source>
        <translation>每行一条参考文献</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="167" />
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="173" />
        <source>Add image…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="174" />
        <source>Remove image</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="185" />
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="188" />
        <source>Quality gate</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="192" />
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="193" />
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="194" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="211" />
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="211" />
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="212" />
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="212" />
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="213" />
        <source>Matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="213" />
        <source>Numerical</source>
        <translation>数值题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="214" />
        <source>Essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="214" />
        <source>Cloze</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="215" />
        <source>Description</source>
        <translation>说明文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="219" />
        <source>written by hand</source>
        <translation>手工编写</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="219" />
        <source>starter bank</source>
        <translation>入门题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="220" />
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="220" />
        <source>generated</source>
        <translation>模型生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="225" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="225" />
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="226" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="226" />
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="245" />
        <source>Select an item to edit it, or press New item.</source>
        <translation>选择一道试题进行编辑，或点击“新建试题”。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="248" />
        <source>Item {id} · version {version} · {source}</source>
        <translation>试题 {id} · 第 {version} 版 · {source}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="249" />
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="277" />
        <source>Question {n} of an item set: the set is kept, exported and printed as one unit. The shared vignette is edited with the set.</source>
        <translation>题组中的第 {n} 题：题组作为一个整体保存、导出和打印。共用题干随题组编辑。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="349" />
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="358" />
        <source>No findings.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="375" />
        <source>Add image</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="376" />
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="383" />
        <location filename="../../eduapp/ui/item_editor.py" line="387" />
        <source>Cannot add image</source>
        <translation>无法添加图片</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="388" />
        <source>{name} is not a PNG, JPEG or GIF image.</source>
        <translation>{name} 不是 PNG、JPEG 或 GIF 图片。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/item_editor.py" line="410" />
        <source>missing</source>
        <translation>缺失</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38" />
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38" />
        <source>Type</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38" />
        <source>Stem</source>
        <translation>题干</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="38" />
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39" />
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39" />
        <source>Exam type</source>
        <translation>考试题型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="39" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="40" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="40" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46" />
        <source>SBA</source>
        <translation>单选</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="46" />
        <source>Multiple</source>
        <translation>多选</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47" />
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="47" />
        <source>Short</source>
        <translation>简答</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="48" />
        <source>Matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="48" />
        <source>Numerical</source>
        <translation>数值题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="49" />
        <source>Essay</source>
        <translation>论述题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="49" />
        <source>Cloze</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="50" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="50" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="51" />
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="51" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="52" />
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="52" />
        <source>EN</source>
        <translation>英</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/models.py" line="52" />
        <source>中文</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="52" />
        <source>EduApp — medical teaching</source>
        <translation>EduApp — 医学教学</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="62" />
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="62" />
        <source>Item bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="63" />
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="64" />
        <source>Generate lecture notes, case studies and exam questions with a language model, review them with their quality-gate findings, and keep them in the bank. Available from the command line now: eduapp generate.</source>
        <translation>用语言模型生成讲义、病例和试题，结合质量检查结果审阅后存入题库。目前可在命令行使用：eduapp generate。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="67" />
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="68" />
        <source>Assemble exams from blueprints, shuffle forms and print papers, keys, answer sheets and handouts.</source>
        <translation>按考试蓝图组卷，生成多套乱序试卷，打印试卷、答案、答题卡和讲义。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="70" />
        <location filename="../../eduapp/ui/main_window.py" line="77" />
        <source>Virtual patients</source>
        <translation>虚拟病人</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="71" />
        <source>Write and review virtual-patient cases for students to interview.</source>
        <translation>编写并审阅供学生问诊的虚拟病人病例。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="72" />
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="72" />
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="73" />
        <source>Practise offline in tutor or timed mode with instant feedback and spaced repetition.</source>
        <translation>离线练习：辅导模式或计时模式，即时反馈并按间隔重复复习。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="75" />
        <source>Progress</source>
        <translation>学习进度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="76" />
        <source>See accuracy by topic, weak areas and a recommended learning path.</source>
        <translation>查看各知识点正确率、薄弱环节和推荐的学习路径。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="78" />
        <source>Interview a virtual patient, then get scored and debriefed.</source>
        <translation>问诊虚拟病人，随后获得评分和复盘。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="114" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="115" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="119" />
        <source>Load the &amp;starter bank</source>
        <translation>载入入门题库(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="123" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="127" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="128" />
        <source>&amp;About EduApp</source>
        <translation>关于 EduApp(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="143" />
        <source>This page is planned for a later version of EduApp.</source>
        <translation>此页面将在 EduApp 的后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="179" />
        <source>{items} items · {sets} sets · {docs} documents · {path}</source>
        <translation>{items} 道试题 · {sets} 个题组 · {docs} 篇文档 · {path}</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="207" />
        <source>Starter bank</source>
        <translation>入门题库</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="208" />
        <source>Your item bank is empty. Load the starter bank (reviewed English and Chinese questions across eight systems, with lecture notes)?</source>
        <translation>题库为空。是否载入入门题库（经审阅的中英文试题，覆盖八个系统，附讲义）？</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="222" />
        <source>Starter bank: {n} items imported, {d} documents</source>
        <translation>入门题库：已导入 {n} 道试题、{d} 篇文档</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="225" />
        <source>Loading the starter bank…</source>
        <translation>正在载入入门题库…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="237" />
        <source>About EduApp</source>
        <translation>关于 EduApp</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/main_window.py" line="238" />
        <source>EduApp {version}
LLM-assisted medical teaching: item bank, exams, practice and virtual patients, in English and Simplified Chinese.</source>
        <translation>EduApp {version}
大语言模型辅助的医学教学：题库、考试、练习和虚拟病人，支持英文和简体中文。</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="90" />
        <source>EduApp</source>
        <translation>EduApp</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="95" />
        <source>Something went wrong. The details have been logged; please send them with a short note of what you were doing.</source>
        <translation>出现了意外错误。详情已记录，请连同您当时的操作简要说明一并发送给我们。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="99" />
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/ops.py" line="251" />
        <source>Cancel</source>
        <extracomment>Run ops inline on the calling thread (pytest-qt tests). The error box shown last in synchronous mode (for tests).</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PracticePage</name>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="99" />
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="103" />
        <source>Student:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="108" />
        <source>New student…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="125" />
        <source>What to practise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="131" />
        <source>Topics (none selected: all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="132" />
        <source>Systems (none selected: all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="136" />
        <source>Tags, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="140" />
        <source>How</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="144" />
        <source>Single best answer</source>
        <translation>单项最佳选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="145" />
        <source>Multiple response</source>
        <translation>多项选择题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="146" />
        <source>True/false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="146" />
        <source>Short answer</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="151" />
        <source>Question types</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="154" />
        <source>Unused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="154" />
        <source>Incorrect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="155" />
        <source>Flagged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="155" />
        <source>Due for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="159" />
        <source>Only from (none ticked: all)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="163" />
        <source>Questions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="165" />
        <source>Tutor: feedback after each answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="166" />
        <source>Timed: a clock, review at the end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="167" />
        <source>Mode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="171" />
        <source> s per question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="172" />
        <source>Timed pace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="173" />
        <source>Start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="179" />
        <source>Start today's reviews</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="182" />
        <source>Start the recommended session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="188" />
        <source>Resume where I stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="220" />
        <source>Type your answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="223" />
        <source>This question was removed from the bank after the session began; you can still answer it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="228" />
        <source>← Previous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="230" />
        <location filename="../../eduapp/ui/pages/practice.py" line="503" />
        <source>Flag (F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="232" />
        <source>Check (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="234" />
        <source>Next →</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="236" />
        <location filename="../../eduapp/ui/pages/practice.py" line="501" />
        <source>Submit the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="238" />
        <source>Back to the builder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="252" />
        <source>Wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="252" />
        <source>Partly right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="253" />
        <location filename="../../eduapp/ui/pages/practice.py" line="521" />
        <source>Right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="263" />
        <source>Ask the tutor about this question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="266" />
        <source>Ask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="295" />
        <source>The practice history was damaged. It was kept as {path}; {n} answers could be recovered into a fresh history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="335" />
        <location filename="../../eduapp/ui/pages/practice.py" line="338" />
        <source>New student</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="335" />
        <source>Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="339" />
        <source>Course (optional):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="370" />
        <source>Add a student to begin.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="373" />
        <source>Review deck: {total} cards, {due} due now, {today} due today.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="412" />
        <source>Choosing questions…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="453" />
        <source>Question {n} of {total}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="454" />
        <source> · flagged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="457" />
        <source>(question {k} of {m})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="461" />
        <source>(question {k} of {m}, shared options)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="502" />
        <source>End the session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="503" />
        <source>Unflag (F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="507" />
        <source>Mark your answer:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="508" />
        <source>Disagree? Your mark:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="518" />
        <source>Compare your answer with the model answer and mark it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="525" />
        <source>Not right ({score:.0%})</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="530" />
        <source> (your answer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="537" />
        <source>Model answer:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="540" />
        <source>Rubric:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="543" />
        <source>Missing:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="548" />
        <source>Your own mark: {score:.0%}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="553" />
        <source>References:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="566" />
        <source>right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="566" />
        <source>wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="567" />
        <source>answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="568" />
        <source>not answered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="579" />
        <source>Time left {m}:{s:02d}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="657" />
        <location filename="../../eduapp/ui/pages/practice.py" line="693" />
        <source>Marking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="687" />
        <source>Submit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="687" />
        <source>{n} questions are not answered. Submit anyway?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="706" />
        <source>Time is up: the session was submitted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="708" />
        <source>Session over: {correct} of {total} right ({score:.0%}). Review each question with the navigator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="734" />
        <source>Explain this question.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="738" />
        <source>Asking the tutor…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/practice.py" line="742" />
        <source>Sources: {s}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="61" />
        <source>Progress</source>
        <translation>学习进度</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="65" />
        <source>Student:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="88" />
        <source>Mastery by topic and week</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="92" />
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="100" />
        <source>Exam date:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="103" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="107" />
        <source>Set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="113" />
        <source>Day / session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="113" />
        <source>Questions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="114" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="118" />
        <source>Weak areas and plan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="125" />
        <source>Topic</source>
        <translation>知识点</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="125" />
        <source>Cards</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="126" />
        <source>Due now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="130" />
        <source>Review deck</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="135" />
        <source>Import attempt files…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="136" />
        <source>Export my attempts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="137" />
        <source>Class report (CSV or PDF)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="144" />
        <source>Exam:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="152" />
        <source>Question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="152" />
        <location filename="../../eduapp/ui/pages/progress.py" line="263" />
        <source>Answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="152" />
        <source>p</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="152" />
        <source>r_pb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="153" />
        <source>Options chosen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="153" />
        <source>Needs attention</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="161" />
        <source>Prerequisites:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="166" />
        <source>requires</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="168" />
        <source>topics, separated by commas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="170" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="174" />
        <source>Class (teacher)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="220" />
        <source>No student yet: add one on the Practice page.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="238" />
        <source>{n} answers · accuracy {acc} · {sec} s per question · streak {streak} days (longest {longest}) · {due} reviews due{pct}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="243" />
        <source> · {p:.0f}th percentile of the class</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="258" />
        <source>Accuracy and answers per day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="260" />
        <location filename="../../eduapp/ui/pages/progress.py" line="297" />
        <source>Accuracy %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="295" />
        <source>Accuracy and mastery by topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="298" />
        <source>Mastery %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="322" />
        <location filename="../../eduapp/ui/pages/progress.py" line="372" />
        <source>(no topic)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="334" />
        <source>No weak areas yet: topics show here once you have answered at least five questions on them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="337" />
        <source>Lecture notes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="337" />
        <source>Case studies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="338" />
        <source>Handouts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="339" />
        <source>Weak areas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="352" />
        <source>Reviews due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="352" />
        <source>Weak area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="353" />
        <source>New topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="353" />
        <source>Consolidate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="366" />
        <source>{total} cards: {learning} learning, {review} in review, {relearning} relearning. {due} due now, {today} due today.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="412" />
        <source>All practice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="419" />
        <source>{students} students, {items} questions answered, {n} need attention (p &lt; 0.2 or &gt; 0.95, r_pb &lt; 0.15, a distractor nobody picks, often flagged).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="425" />
        <source>KR-20 of this exam: {v} ({s} students × {i} questions).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="464" />
        <source>Import attempt files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="465" />
        <location filename="../../eduapp/ui/pages/progress.py" line="489" />
        <source>Attempt files (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="469" />
        <source>Importing attempts…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="473" />
        <source>{added} attempts added ({dups} already here), {profiles} new students.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="487" />
        <source>Export my attempts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="494" />
        <source>{n} attempts saved to {path}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="499" />
        <source>Class report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="501" />
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="505" />
        <source>Writing the class report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../eduapp/ui/pages/progress.py" line="507" />
        <source>Class report saved to {path}.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="27" />
        <location filename="../../eduapp/ui/settings_dialog.py" line="268" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="31" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="32" />
        <location filename="../../eduapp/ui/settings_dialog.py" line="91" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="33" />
        <location filename="../../eduapp/ui/settings_dialog.py" line="202" />
        <location filename="../../eduapp/ui/settings_dialog.py" line="250" />
        <source>Providers</source>
        <translation>模型服务</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="47" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="51" />
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="55" />
        <source>PDF page size</source>
        <translation>PDF 纸张大小</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="57" />
        <source>Institution (exam covers)</source>
        <translation>单位名称（试卷封面）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="61" />
        <source>Generation requests at once</source>
        <translation>同时发送的生成请求数</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="65" />
        <source>Avoid items used in the last N exams</source>
        <translation>避开最近 N 次考试用过的试题</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="73" />
        <source>The item bank, settings and provider profiles are kept in this folder:</source>
        <translation>题库、设置和模型服务配置保存在此文件夹：</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="78" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="83" />
        <source>A new folder takes effect the next time EduApp starts. The command line uses --data-dir or EDUAPP_DATA_DIR.</source>
        <translation>新文件夹在下次启动 EduApp 时生效。命令行使用 --data-dir 或 EDUAPP_DATA_DIR。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="116" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="128" />
        <source>stored in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="129" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="130" />
        <source>Base URL</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="131" />
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="132" />
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="134" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="135" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="136" />
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="137" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="148" />
        <source>The embedded model (SmolLM2-135M) works offline but writes low-quality content and no Chinese; for real teaching material use a stronger provider.</source>
        <translation>内置模型（SmolLM2-135M）可离线使用，但生成内容质量低且不能写中文；正式教学材料请使用更强的模型服务。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="166" />
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="217" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="225" />
        <source>Testing {name}…</source>
        <translation>正在测试 {name}…</translation>
    </message>
    <message>
        <location filename="../../eduapp/ui/settings_dialog.py" line="233" />
        <source>Works: {model} answered in {ms:.0f} ms.</source>
        <translation>连接正常：{model} 在 {ms:.0f} 毫秒内应答。</translation>
    </message>
</context>
</TS>