"""Automatic item generation (AIG): items from item models and knowledge tables, offline.

After Gierl, Lai & Turner, *Medical Education* 2012;46:757-765: a cognitive model and an
item model (:mod:`.model`) generate every valid combination or a seeded sample
(:mod:`.generator`); knowledge tables marked in lecture notes give SBA items, B1 sets and
matching items (:mod:`.tables`); :mod:`.catalog` lists the shipped models and tables;
:mod:`.service` stores drafts in the bank; :mod:`.draft` lets a strong language model
draft a model for the teacher to correct.

No Qt here; everything but :func:`draft_item_model` (network) is fast and runs on any
thread.

::

    from eduapp.authoring.aig import resolve, generate_into_bank
    stored = generate_into_bank(bank, resolve("en-hyponatraemia"), count=20, seed=1)
    for item in stored.items:
        print(item.id, item.stem, [f.rule for f in item.findings])
"""

from .catalog import (MODELS_DIR, AigSource, catalog, load_file, proposed_tables, resolve,
                      save_table_mark, save_user_model, shipped_sources, user_models_dir,
                      user_sources)
from .draft import DRAFT_SCHEMA, draft_item_model, model_from_draft
from .expr import compile_expr
from .formatting import format_number, format_quantity
from .generator import (AigResult, Combination, combinations, count_combinations, enemy_group,
                        generate_from_model, render_combination)
from .model import MODEL_FORMAT, Answer, Domain, ItemModel, KeyRule, Scenario, Variable
from .service import StoredGeneration, bank_index, generate, generate_into_bank
from .tables import (TABLE_FORMAT, Direction, KnowledgeTable, MarkdownTable,
                     count_table_items, generate_from_table, mark_table,
                     parse_markdown_tables, propose_tables, tables_of_document)

__all__ = [
    "AigSource", "MODELS_DIR", "catalog", "load_file", "resolve", "shipped_sources",
    "save_user_model", "user_models_dir", "user_sources", "proposed_tables",
    "save_table_mark", "mark_table",
    "DRAFT_SCHEMA", "draft_item_model", "model_from_draft",
    "compile_expr", "format_number", "format_quantity",
    "AigResult", "Combination", "combinations", "count_combinations", "enemy_group",
    "generate_from_model", "render_combination",
    "MODEL_FORMAT", "Answer", "Domain", "ItemModel", "KeyRule", "Scenario", "Variable",
    "StoredGeneration", "bank_index", "generate", "generate_into_bank",
    "TABLE_FORMAT", "Direction", "KnowledgeTable", "MarkdownTable", "count_table_items",
    "generate_from_table", "parse_markdown_tables", "propose_tables", "tables_of_document",
]
