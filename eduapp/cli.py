"""The ``eduapp`` command: no arguments opens the GUI; subcommands run headless.

The commands, options, JSON shapes and exit codes are the stable contract of DESIGN.md:
0 success, 1 some input rejected (reported), 2 usage error, 3 nothing could be done.
Each command group's handlers live in ``eduapp/commands/<group>.py`` as
``run_<command>(args, ctx) -> int``; this module only parses and dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sqlite3
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import __version__, storage
from .config import Settings, resolve_data_dir
from .errors import EduAppError, describe_error

if TYPE_CHECKING:
    from .bank import Bank
    from .workspace import Workspace

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3

IMPORT_FORMATS = ("auto", "eduapp-json", "moodle-xml", "gift", "aiken", "qti", "csv", "apkg")
EXPORT_FORMATS = ("eduapp-json", "moodle-xml", "gift", "aiken", "qti", "qti3", "csv", "apkg")
ITEM_TYPE_CHOICES = ("sba", "multi", "tf", "short", "vignette")


@dataclass
class Context:
    """What every command handler gets: the output mode and the data folder's
    :class:`~eduapp.workspace.Workspace` (opened on first use).

    :ivar data_dir: absolute path of the data directory.
    :ivar json: print one JSON document on stdout instead of text.
    :ivar language: the command's ``--language`` (``en``/``zh``), or ``None`` when it has
        none or it was not given (see :attr:`message_language`).
    """

    data_dir: str
    json: bool = False
    language: str | None = None
    _workspace: "Workspace | None" = field(default=None, repr=False)

    @property
    def workspace(self) -> "Workspace":
        """The data folder's stores and use cases."""
        if self._workspace is None:
            from .workspace import Workspace
            self._workspace = Workspace(self.data_dir)
        return self._workspace

    @property
    def settings(self) -> Settings:
        """The data folder's settings (defaults when there is no settings file)."""
        return self.workspace.settings

    @property
    def bank(self) -> "Bank":
        """The item bank in ``data_dir``, opened on first use.

        :raises BankError: the folder or database cannot be used.
        """
        return self.workspace.bank

    @property
    def message_language(self) -> str:
        """The language messages and errors are printed in: the command's ``--language``,
        else the interface language of the data folder's settings, else English."""
        if self.language in ("en", "zh"):
            return self.language
        try:
            if self._workspace is not None:
                language = self._workspace.settings.language
            else:
                language = Settings.load(self.data_dir).language
        except (EduAppError, OSError):
            language = ""
        return language if language in ("en", "zh") else "en"

    @property
    def json_language(self) -> str:
        """The language of sentences inside ``--json`` output: the command's ``--language``
        when given, else English (scripts read JSON; its wording stays stable)."""
        return self.language if self.language in ("en", "zh") else "en"

    def emit(self, payload: dict, text: str | list[str] = "") -> None:
        """Print ``payload`` as JSON (``--json``) or ``text`` (lines) for people."""
        if self.json:
            json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            lines = text if isinstance(text, list) else [text]
            for line in lines:
                print(line)

    def close(self) -> None:
        """Close the workspace if it was opened."""
        if self._workspace is not None:
            self._workspace.close()


def _common() -> argparse.ArgumentParser:
    """Options every subcommand accepts, so they may stand before or after it."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                   help="data folder (default: $EDUAPP_DATA_DIR or the platform's app-data folder)")
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print one JSON document on stdout")
    return p


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser of the ``eduapp`` command (DESIGN.md "CLI contract")."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog="eduapp", parents=[common],
        description="EduApp: medical teaching content, item bank, exams, practice and virtual "
                    "patients. With no command, opens the app.")
    parser.add_argument("--version", action="version", version=f"eduapp {__version__}")
    groups = parser.add_subparsers(dest="group", metavar="COMMAND")

    def sub(parent, name, help_text, handler):
        p = parent.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    # bank
    bank = groups.add_parser("bank", help="the item bank: import, export, search, stats, "
                             "status, backups, check")
    bank_cmds = bank.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    p = sub(bank_cmds, "import", "import items from files (one transaction per file)",
            "bank.import")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=IMPORT_FORMATS, default="auto")
    p.add_argument("--category", metavar="PATH", help="put the imported items in this category")
    p.add_argument("--strict", action="store_true",
                   help="reject a whole file on its first error")
    p.add_argument("--language", choices=("en", "zh"), default=None,
                   help="set this language on every imported item (default: the file's, "
                        "else detected from each item's text)")
    p = sub(bank_cmds, "export", "export items to a file", "bank.export")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--query", metavar="Q", default="")
    p.add_argument("--category", metavar="PATH", default="")
    p = sub(bank_cmds, "search", "full-text search (English and Chinese)", "bank.search")
    p.add_argument("query", metavar="QUERY", nargs="?", default="",
                   help="words to find (empty: list, newest first)")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--reviewed-before", type=int, default=None, metavar="YEAR",
                   help="only items last reviewed before 1 January YEAR, or never reviewed")
    sub(bank_cmds, "stats", "counts by type, status, language and system", "bank.stats")
    p = sub(bank_cmds, "set-status", "set the review status of items", "bank.set_status")
    p.add_argument("status", choices=("draft", "reviewed", "approved", "retired"))
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--force", action="store_true",
                   help="approve even items the quality gate or a blind second answer flagged "
                        "(recorded with your user name)")
    p.add_argument("--reviewer", metavar="NAME",
                   help="also record NAME as the items' reviewer, with today's date")
    sub(bank_cmds, "backup", "back up the bank, practice history, settings and media now",
        "backup.backup")
    sub(bank_cmds, "backups", "list the backups (date, size, item count)", "backup.backups")
    p = sub(bank_cmds, "restore", "restore a backup (the current files are kept aside)",
            "backup.restore")
    p.add_argument("backup", metavar="BACKUP|latest")
    p = sub(bank_cmds, "check", "check the databases (exit 0 clean, 1 problems, 3 cannot "
            "open)", "backup.check")
    p.add_argument("--repair", action="store_true",
                   help="repair what can be repaired; recover or restore a damaged file")

    # lint
    p = sub(groups, "lint", "run the quality gate on a file's items without storing them",
            "authoring.lint")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=IMPORT_FORMATS, default="auto")
    p.add_argument("--verify", action="store_true",
                   help="have a model answer each item blind: a different answer from the key "
                        "is flagged (wrong key, or two defensible keys)")
    p.add_argument("--provider", metavar="NAME", help="the model for --verify")
    p.add_argument("--language", choices=("en", "zh"), default=None,
                   help="word findings and errors in this language (default: the interface "
                        "language setting, else English; --json: English)")

    # generate
    gen = groups.add_parser("generate", help="generate questions, lecture notes or a case study")
    gen_cmds = gen.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    p = sub(gen_cmds, "questions", "generate draft questions into the review queue",
            "generate.questions")
    p.add_argument("--topic", required=True, metavar="T")
    p.add_argument("--count", type=int, default=5, metavar="N")
    p.add_argument("--type", choices=ITEM_TYPE_CHOICES, default="sba")
    p.add_argument("--language", choices=("en", "zh"), default=None,
                   help="language of the questions, and of the messages printed (default: "
                        "English questions; messages in the interface language)")
    p.add_argument("--provider", metavar="NAME")
    p.add_argument("--bloom", metavar="LEVEL", default="")
    p.add_argument("--difficulty", type=float, metavar="P", default=None)
    p.add_argument("--source", metavar="FILE", help="source text to ground the questions")
    p = sub(gen_cmds, "notes", "generate lecture notes (Markdown)", "generate.notes")
    p.add_argument("--topic", required=True, metavar="T")
    p.add_argument("--language", choices=("en", "zh"), default=None,
                   help="language of the text and of the messages (default: English text)")
    p.add_argument("--provider", metavar="NAME")
    p.add_argument("--out", metavar="FILE")
    p = sub(gen_cmds, "case", "generate a structured case study", "generate.case")
    p.add_argument("--topic", required=True, metavar="T")
    p.add_argument("--language", choices=("en", "zh"), default=None,
                   help="language of the text and of the messages (default: English text)")
    p.add_argument("--provider", metavar="NAME")
    p = sub(gen_cmds, "aig", "items from an item model or knowledge table, offline (AIG)",
            "aig.aig")
    p.add_argument("model", nargs="?", metavar="MODEL",
                   help="id of a shipped item model or knowledge table (see --list)")
    p.add_argument("--list", action="store_true", help="list the item models and tables")
    p.add_argument("--file", metavar="PATH",
                   help="an item-model or knowledge-table JSON file, or a Markdown file")
    p.add_argument("--count", type=int, default=20, metavar="N",
                   help="questions to generate (default 20)")
    p.add_argument("--all", action="store_true", help="every valid combination")
    p.add_argument("--seed", type=int, default=None, metavar="S")

    # exam
    exam = groups.add_parser("exam", help="assemble exams and print PDFs")
    exam_cmds = exam.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    p = sub(exam_cmds, "build", "assemble an exam, its forms and PDFs", "exam.build")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--blueprint", metavar="FILE")
    src.add_argument("--query", metavar="Q")
    p.add_argument("--count", type=int, metavar="N")
    p.add_argument("--forms", type=int, default=1, metavar="K")
    p.add_argument("--include-drafts", action="store_true")
    p.add_argument("--seed", type=int, default=None, metavar="S")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--title", default="", metavar="TEXT")
    p.add_argument("--language", choices=("en", "zh"), default=None)
    p.add_argument("--allow-enemies", action="store_true",
                   help="allow several items of one item model on the exam")
    p.add_argument("--negative-marking", type=float, default=0.0, metavar="SHARE",
                   help="share of a question's marks lost for a wrong answer when scanned "
                        "sheets are marked (e.g. 0.25; default 0)")
    p.add_argument("--all-or-nothing", action="store_true",
                   help="multiple-response questions earn no partial credit")
    p = sub(exam_cmds, "mark", "read scanned answer sheets, score them and write the reports",
            "marking.mark")
    p.add_argument("exam", type=int, metavar="EXAM", help="the exam id (from exam build)")
    p.add_argument("scans", nargs="+", metavar="SCAN", help="PDF or image files (any order)")
    p.add_argument("--class-list", metavar="CSV", help="candidate numbers and names")
    p.add_argument("--out", metavar="DIR", help="write the class report, CSVs and result slips")
    p = sub(exam_cmds, "review", "list (and decide) the marks that await review",
            "marking.review")
    p.add_argument("exam", type=int, metavar="EXAM")
    p.add_argument("--resolve", action="append", metavar="ID=ANSWER",
                   help="decide a flagged mark (letters; empty for no answer); repeatable")
    p.add_argument("--accept-rewrite", type=int, action="append", metavar="RID",
                   help="save a suggested rewrite as a new version of its item")
    p.add_argument("--reject-rewrite", type=int, action="append", metavar="RID")
    p.add_argument("--candidate", action="append", metavar="FILE:PAGE=NUMBER",
                   help="correct the candidate number read from a page; repeatable")
    p.add_argument("--forget", action="append", metavar="FILE",
                   help="remove the pages read from a scan file (e.g. scanned twice)")
    p = sub(exam_cmds, "stats", "item analysis of the marked sitting", "marking.stats")
    p.add_argument("exam", type=int, metavar="EXAM")
    p.add_argument("--p-band", nargs=2, type=float, metavar=("LOW", "HIGH"),
                   help="facility band outside which items are flagged (default 0.2 0.9)")
    p.add_argument("--suggest", action="store_true",
                   help="draft a rewrite of each flagged item with a language model")
    p.add_argument("--provider", metavar="NAME")

    # providers
    prov = groups.add_parser("providers", help="LLM providers: list and test")
    prov_cmds = prov.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    sub(prov_cmds, "list", "list provider profiles", "providers.list")
    p = sub(prov_cmds, "test", "send a tiny request and report latency", "providers.test")
    p.add_argument("name", metavar="NAME")

    # virtual patients
    vp = groups.add_parser("vp", help="virtual patients")
    vp_cmds = vp.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    sub(vp_cmds, "list", "list virtual-patient cases", "vp.list")
    p = sub(vp_cmds, "play", "play a case from a script of student turns", "vp.play")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--script", required=True, metavar="FILE",
                   help="student turns, one a line: questions, /exam SYSTEM, /order TEST, "
                        "/wait MINUTES, /diagnose TEXT, /plan TEXT")
    p.add_argument("--provider", metavar="NAME",
                   help="role-play the patient with this model (default: the offline engine)")
    p.add_argument("--student", metavar="NAME", help="store the encounter in this student's "
                                                     "history")
    p.add_argument("--debrief", metavar="FILE", help="write the debrief PDF")
    p = sub(vp_cmds, "export", "write a case script as JSON", "vp.export")
    p.add_argument("case", metavar="CASE")
    p.add_argument("--out", required=True, metavar="FILE")
    p = sub(vp_cmds, "import", "validate case-script JSON files and store them in the bank",
            "vp.import")
    p.add_argument("files", nargs="+", metavar="FILE")
    p = sub(vp_cmds, "generate", "generate a draft case script with the language model",
            "vp.generate")
    p.add_argument("--topic", required=True, metavar="T")
    p.add_argument("--language", choices=("en", "zh"), default="en")
    p.add_argument("--provider", metavar="NAME")
    p.add_argument("--out", metavar="FILE", help="also write the draft as JSON")
    p.add_argument("--source", metavar="FILE", help="a case study (text or Markdown) to base "
                                                    "the script on")
    p.add_argument("--case-study", type=int, metavar="ID",
                   help="a case-study document of the bank to base the script on")
    p = sub(vp_cmds, "results", "class results per case and checklist item", "vp.results")
    p.add_argument("case", metavar="CASE", nargs="?")
    return parser


def _dispatch(handler: str, args: argparse.Namespace, ctx: Context) -> int:
    module_name, func = handler.rsplit(".", 1)
    try:
        module = importlib.import_module(f"eduapp.commands.{module_name}")
    except ModuleNotFoundError as e:
        if e.name and e.name.startswith("eduapp.commands"):
            raise EduAppError(code="cli.not-available",
                              values={"command": handler.replace(".", " ")}) from None
        raise
    fn = getattr(module, f"run_{func}", None)
    if fn is None:
        raise EduAppError(code="cli.not-available", values={"command": handler.replace(".", " ")})
    return fn(args, ctx)


def _closed_pipe() -> int:
    """The reader of our output went away (``eduapp bank search x | head``): stop quietly,
    as POSIX tools do, with no traceback. Python's own advice
    (https://docs.python.org/3/library/signal.html#note-on-sigpipe): point stdout at
    devnull so the interpreter's final flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_OK


def _command_logging() -> None:
    """Keep the log out of a command's output: the command says what went wrong in its own
    sentence, so only errors (bugs) are logged to stderr. ``EDUAPP_LOG=info`` (or
    ``debug``/``warning``) shows more, for a bug report."""
    import logging
    level = os.environ.get("EDUAPP_LOG", "error").upper()
    logging.basicConfig(level=getattr(logging, level, logging.ERROR),
                        format="eduapp: %(levelname)s %(name)s: %(message)s")


def main(argv: list[str] | None = None) -> int:
    """Run the ``eduapp`` command.

    :param argv: arguments without the program name (``sys.argv[1:]`` when ``None``).
    :returns: the exit code (0 ok, 1 some input rejected, 2 usage, 3 nothing done).
    """
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0) if e.code in (0, None) else EXIT_USAGE
    ctx = Context(data_dir=resolve_data_dir(getattr(args, "data_dir", None)),
                  json=getattr(args, "json", False), language=getattr(args, "language", None))
    if not getattr(args, "handler", None):
        from .ui.launch import run_gui
        return run_gui(ctx.data_dir)
    _command_logging()
    try:
        code = _dispatch(args.handler, args, ctx)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except EduAppError as e:
        if ctx.json:
            ctx.emit({"error": describe_error(e, ctx.json_language), "code": e.code})
        print(f"eduapp: {describe_error(e, ctx.message_language)}", file=sys.stderr)
        return EXIT_FAILED
    except sqlite3.Error as e:  # a database failure no store turned into a sentence
        typed = storage.user_error(e)
        if ctx.json:
            ctx.emit({"error": str(typed)})
        print(f"eduapp: {typed}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("eduapp: interrupted", file=sys.stderr)
        return EXIT_FAILED
    finally:
        ctx.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
