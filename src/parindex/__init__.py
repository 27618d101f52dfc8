"""parindex: exact, reproducible scoring of Vietnam's PAR INDEX (Chỉ số CCHC).

Frameworks (criteria trees with provenance) come from province plugins as TOML data;
assessments are scored exactly, ranked, banded, and reconciled against published figures.

>>> import parindex
>>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
>>> result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
>>> result.appraised, result.total, result.band.name
(Decimal('49.97'), Decimal('78.636'), 'Khá')
"""

from pathlib import Path

from ._analysis.gaps import (
    BandTarget,
    FieldLoss,
    Gaps,
    LostItem,
    LostPoints,
    UnitTarget,
    gaps,
    lost_points,
)
from ._engine.batch import BatchResult, PointsMatrix, score_batch, score_matrix, to_matrix
from ._render.charts import field_profile_chart, rank_interval_chart, rank_shift_chart, totals_chart
from ._audit.compare import (
    Change,
    Comparison,
    FieldChange,
    Lineage,
    Succession,
    UnitComparison,
    compare,
    load_lineage,
)
from ._audit.conformance import ConformanceFinding, ConformanceReport, check_conformance
from ._base.errors import (
    AssessmentError,
    FrameworkError,
    MissingInformationError,
    Origin,
    ParindexError,
    PluginError,
    Problem,
    UnknownFrameworkError,
)
from ._base.model import (
    NOT_ARISING,
    Assessment,
    Band,
    BandBasis,
    Framework,
    LegalBasis,
    MaximaMismatch,
    Node,
    NodeKind,
    NotArisingPolicy,
    Params,
    Provenance,
    Published,
    PublishedRank,
    RankBasis,
    RankingMethod,
    Rule,
    Status,
)
from ._formats.overlay import Overlay, apply_overlay, load_overlay, loads_overlay
from ._analysis.plan import PlanDraft, plan_draft, plan_markdown, write_plan_docx
from ._plugins.registry import PluginInfo, Registry, frameworks_in, get_framework, load_registry, registry
from ._analysis.profiles import FieldSummary, Profiles, UnitProfile, profiles
from ._engine.ranking import RankedResult, Ranker, Ranking, rank_values, score_many
from ._engine.reconcile import agrees
from ._render.report import report_html, write_report
from ._audit.reproduce import Reproduction, UnitReproduction, reproduce
from ._engine.rules import RuleInputError, RuleKind
from ._engine.scoring import (
    BandMethod,
    Discrepancy,
    Finding,
    NodeResult,
    Result,
    classify,
    score,
    score_leaf,
)
from ._analysis.sensitivity import MonteCarlo, Perturbation, WhatIf, WhatIfUnit, monte_carlo, what_if
from ._formats.tables import (
    ResultsTable,
    TableMapping,
    load_mapping,
    ranking_table,
    read_table,
    to_dataframe,
    write_table,
)
from ._formats.toml import (
    assessment_from_dict,
    assessment_to_dict,
    dumps_assessment,
    dumps_framework,
    framework_from_dict,
    framework_to_dict,
    load_assessment,
    load_framework,
    loads_assessment,
    loads_framework,
)
from .hookspecs import hookimpl


def example_path() -> Path:
    """The bundled example: xã Thủy Thanh's appraised result for 2022 (seed 000).

    It ships with the Thừa Thiên Huế plugin (``parindex-thua-thien-hue``).
    """
    import importlib.resources

    return Path(str(importlib.resources.files("parindex_thua_thien_hue")
                            / "examples" / "thuy-thanh-2022.toml"))


__all__ = [
    "NOT_ARISING",
    "Assessment",
    "AssessmentError",
    "Band",
    "BandBasis",
    "BandMethod",
    "BandTarget",
    "BatchResult",
    "Change",
    "Comparison",
    "ConformanceFinding",
    "ConformanceReport",
    "Discrepancy",
    "FieldChange",
    "FieldLoss",
    "FieldSummary",
    "Finding",
    "Framework",
    "FrameworkError",
    "Gaps",
    "LegalBasis",
    "Lineage",
    "LostItem",
    "LostPoints",
    "MaximaMismatch",
    "MissingInformationError",
    "MonteCarlo",
    "Node",
    "NodeKind",
    "NodeResult",
    "NotArisingPolicy",
    "Origin",
    "Overlay",
    "Params",
    "ParindexError",
    "Perturbation",
    "PlanDraft",
    "PluginError",
    "PluginInfo",
    "PointsMatrix",
    "Problem",
    "Profiles",
    "Provenance",
    "Published",
    "PublishedRank",
    "RankBasis",
    "RankedResult",
    "Ranker",
    "Ranking",
    "RankingMethod",
    "Registry",
    "Reproduction",
    "Result",
    "ResultsTable",
    "Rule",
    "RuleInputError",
    "RuleKind",
    "Status",
    "Succession",
    "TableMapping",
    "UnitComparison",
    "UnitProfile",
    "UnitReproduction",
    "UnitTarget",
    "UnknownFrameworkError",
    "WhatIf",
    "WhatIfUnit",
    "agrees",
    "apply_overlay",
    "assessment_from_dict",
    "assessment_to_dict",
    "check_conformance",
    "classify",
    "compare",
    "dumps_assessment",
    "dumps_framework",
    "example_path",
    "field_profile_chart",
    "framework_from_dict",
    "framework_to_dict",
    "frameworks_in",
    "gaps",
    "get_framework",
    "hookimpl",
    "load_assessment",
    "load_framework",
    "load_lineage",
    "load_mapping",
    "load_overlay",
    "load_registry",
    "loads_assessment",
    "loads_framework",
    "loads_overlay",
    "lost_points",
    "monte_carlo",
    "plan_draft",
    "plan_markdown",
    "profiles",
    "rank_interval_chart",
    "rank_shift_chart",
    "rank_values",
    "ranking_table",
    "read_table",
    "registry",
    "report_html",
    "reproduce",
    "score",
    "score_batch",
    "score_leaf",
    "score_many",
    "score_matrix",
    "to_dataframe",
    "to_matrix",
    "totals_chart",
    "what_if",
    "write_plan_docx",
    "write_report",
    "write_table",
]
