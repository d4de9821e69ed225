"""Wording of quality-gate findings in English and Chinese.

A :class:`~eduapp.domain.Finding` carries a language-neutral ``code`` and the ``values``
its sentence needs; :func:`describe_finding` words it in the reader's language (the
pattern of :func:`eduapp.practice.itemstats.describe`), so the GUI shows findings in the
interface language and the CLI can print either. :func:`make_finding` builds a finding
whose ``message`` is worded in a given language (the CLI's default text).

Pure data and functions: any thread.
"""

from __future__ import annotations

from ..domain import Finding

__all__ = ["FINDING_TEXT", "describe_finding", "make_finding"]

#: ``code -> (English, Chinese)``; ``str.format`` templates over the finding's ``values``.
FINDING_TEXT: dict[str, tuple[str, str]] = {
    "negative-stem": (
        "The lead-in is phrased negatively (\"{w}\") without emphasis; rewrite it positively, "
        "or set the word in capitals or bold.",
        "题干为否定式提问（“{w}”）且未加强调；请改为肯定式，或将否定词加粗/加【】。"),
    "all-of-the-above": (
        "\"All of the above\" lets a candidate who knows two options are right answer without "
        "knowing the rest.",
        "“以上都是”类选项：考生只需判断两项正确即可作答。"),
    "none-of-the-above": (
        "\"None of the above\" rewards knowing what is wrong, not what is right; replace it "
        "with a plausible distractor.",
        "“以上都不是”类选项只考查排除能力；请换成合理的干扰项。"),
    "combined-options": (
        "An option that combines other options; write each choice as one complete answer.",
        "选项由其他选项组合而成；请把每个选项写成一个完整的答案。"),
    "absolute-term": (
        "Absolute term \"{w}\" in an option: test-wise candidates rule such options out.",
        "选项中有绝对化用语“{w}”：善于应试的考生会据此排除该选项。"),
    "vague-term": (
        "Vague frequency term \"{w}\" in an option: experts disagree on what it means.",
        "选项中有模糊的频率用语“{w}”：专家对其含义看法不一。"),
    "longest-option-key": (
        "The key is much longer than every distractor ({key_len} against at most {longest} "
        "characters); test-wise candidates pick the longest, most complete option.",
        "正确答案明显长于所有干扰项（{key_len} 个字符，干扰项最多 {longest} 个）；善于应试的考生"
        "会选最长、最完整的选项。"),
    "grammatical-cue-article": (
        "The stem ends with \"{w}\", which does not fit \"{option}\"; such options can be "
        "ruled out on grammar alone. End the stem before the article.",
        "题干以“{w}”结尾，与选项“{option}”在语法上不搭配，考生仅凭语法即可排除；请在冠词之前"
        "结束题干。"),
    "grammatical-cue-plural": (
        "The stem asks in the plural and only the key is plural; make all options agree with "
        "the stem.",
        "题干以复数形式提问，而只有正确答案是复数；请使所有选项与题干一致。"),
    "word-repeat": (
        "\"{w}\" appears in the stem and in the key but in no distractor: a clang cue to the "
        "answer.",
        "“{w}”同时出现在题干和正确答案中，而干扰项中没有：这是提示答案的字词线索"
        "（clang association）。"),
    "k-type": (
        "Complex multiple choice (K-type): the options are combinations of numbered statements "
        "(\"1 and 3 only\"), so partial knowledge and elimination find the key. Rewrite each "
        "statement as its own item, or use a multiple-response item.",
        "复合型选择题（K型题）：选项是若干陈述的组合（如“①③”“1和3”），考生可凭部分知识排除选项。"
        "请把每个陈述改写成单独的题目，或改为多选题。"),
    "two-keys-synonym": (
        "Option {n} names the same thing as the key (a synonym or abbreviation): two "
        "defensible keys.",
        "干扰项{n}与正确答案是同一事物的不同名称，两者都可辩护为正确答案。"),
    "two-keys-contains": (
        "Option {n} and the key contain one another, so both can be defended as correct; "
        "rewrite so that only one is the best answer.",
        "干扰项{n}与正确答案互相包含，两者都可辩护为正确答案；请改写使只有一个最佳答案。"),
    "duplicate-options": (
        "Options {a} and {b} are the same.",
        "选项 {a} 与选项 {b} 相同。"),
    "options-repeat": (
        "Options {a} and {b} say almost the same thing.",
        "选项 {a} 与选项 {b} 的意思几乎相同。"),
    "overlapping-options": (
        "The ranges in options {a} and {b} overlap, so more than one can be right.",
        "选项 {a} 与选项 {b} 的数值范围重叠，可能不止一个正确。"),
    "open-lead-in": (
        "Open lead-in: it cannot be answered without reading the options (the NBME "
        "cover-the-options rule). Ask one focused question, e.g. \"Which of the following is "
        "the most likely diagnosis?\"",
        "开放式提问（如“下列说法正确的是”）：不看选项无法作答。请改为针对一个要点的封闭式问题，"
        "如“最可能的诊断是”。"),
    "no-lead-in": (
        "The vignette ends without a question; end it with a closed lead-in such as \"Which "
        "of the following is the most likely diagnosis?\"",
        "题干的病例后没有提出问题；请以封闭式问题结尾，如“最可能的诊断是”。"),
    "no-key": (
        "No option is marked correct.",
        "没有标出正确选项。"),
    "multiple-keys": (
        "{n} options are marked correct in a single-answer item.",
        "单选题中有 {n} 个选项被标为正确。"),
    "option-count": (
        "Only {n} options; single-best-answer items work best with 4-5 (Chinese A-type: 5).",
        "只有 {n} 个选项；单项最佳选择题以 4～5 个选项为宜（A 型题为 5 个）。"),
    "missing-explanation": (
        "There is no explanation: add why the key is right (and why each distractor is wrong).",
        "没有解析：请说明正确答案为何正确（以及各干扰项为何错误）。"),
    "stem-is-number": (
        "The stem is only a number or a date, not a question.",
        "题干只是一个数字或日期，不是问题。"),
    "stem-too-short": (
        "The stem is too short to be a question.",
        "题干太短，不成其为问题。"),
    "wrong-language-marked-zh": (
        "The item is marked Chinese but its text is English (too few Chinese characters).",
        "试题标为中文，但正文是英文（汉字太少）。"),
    "wrong-language-generated": (
        "English was asked for but the model wrote Chinese.",
        "要求生成英文，但模型写成了中文。"),
    "language-label": (
        "The item is labelled English but its text is Chinese; it was checked as Chinese. Set "
        "its language to Chinese.",
        "试题标为英文，但正文是中文，已按中文检查；请把语言改为中文。"),
    "option-empty": (
        "Option {n} is empty or only a label.",
        "选项 {n} 为空或只是一个标号。"),
    "option-question": (
        "Option {n} is a question, not an answer.",
        "选项 {n} 是一个问题，而不是答案。"),
    "option-meta": (
        "Option {n} comments on the answer instead of being one.",
        "选项 {n} 是对答案的评论，而不是答案本身。"),
    "option-repeats-stem": (
        "Option {n} repeats the stem.",
        "选项 {n} 重复了题干。"),
    "option-too-long": (
        "Option {n} is far too long to be an answer.",
        "选项 {n} 太长，不像一个答案。"),
    "repetition": (
        "The same phrase is repeated again and again (broken generated text).",
        "同一短语反复出现（生成的文本已损坏）。"),
    "near-duplicate": (
        "Near copy of item(s) already in the bank: {names}. Keep one, or make them ask "
        "different things; never put both on one exam.",
        "与题库中已有试题几乎相同：{names}。请只保留一道，或使它们考查不同内容；切勿把两道题放在"
        "同一份试卷上。"),
    "verification-disagrees": (
        "An independent model answered {given} without seeing the key ({key}): the key may be "
        "wrong, or two options may be defensible; check the key and whether the stem supports "
        "only it.",
        "独立的模型盲答为 {given}，与答案 {key} 不一致：答案可能有误，或有两个可辩护的答案；"
        "请核对答案与题干。"),
    "low-quality-model": (
        "The built-in SmolLM2-135M model writes valid but often wrong or meaningless content; "
        "use a stronger provider (OpenAI, DeepSeek, Qwen, or a local Ollama/vLLM model) for "
        "items you mean to keep.",
        "内置的 SmolLM2-135M 小模型生成的内容格式有效，但常常错误或无意义；要保留的试题请使用更强的"
        "模型服务（OpenAI、DeepSeek、通义千问，或本地的 Ollama/vLLM 模型）。"),
}


def describe_finding(finding: Finding, language: str = "en") -> str:
    """The sentence of ``finding`` in ``language`` (``en``/``zh``).

    A finding without a known ``code`` (made by an older version, or read from a file) is
    shown by its stored ``message``.
    """
    text = FINDING_TEXT.get(getattr(finding, "code", "") or "")
    if text is None:
        return finding.message
    try:
        return (text[1] if language == "zh" else text[0]).format(**(finding.values or {}))
    except (KeyError, IndexError):
        return finding.message


def make_finding(rule: str, severity: str, code: str, values: dict | None = None,
                 span: list | None = None, language: str = "en") -> Finding:
    """A :class:`Finding` with ``code`` and ``values``, its ``message`` worded in
    ``language``.

    :raises KeyError: ``code`` is not in :data:`FINDING_TEXT`.
    """
    en, zh = FINDING_TEXT[code]
    values = dict(values or {})
    message = (zh if language == "zh" else en).format(**values)
    return Finding(rule=rule, severity=severity, message=message, span=span, code=code,
                   values=values)
