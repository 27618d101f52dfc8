"""parindex: exact, reproducible scoring of Vietnam's PAR INDEX (Chỉ số CCHC).

Frameworks (criteria trees with provenance) come from province plugins as TOML data;
assessments are scored exactly, ranked, banded, and reconciled against published figures.

>>> import parindex
>>> framework = parindex.get_framework("thua-thien-hue/commune/2022")
>>> result = parindex.score(framework, parindex.load_assessment(parindex.example_path()))
>>> result.appraised, result.total, result.band.name
(Decimal('49.97'), Decimal('78.636'), 'Khá')
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._analysis.gaps import (
        BandTarget,
        FieldLoss,
        Gaps,
        gaps,
        lost_points,
        LostItem,
        LostPoints,
        UnitTarget,
    )
    from ._analysis.plan import (
        plan_draft,
        PlanDraft,
        PlanField,
        PlanTask,
        PreviousResult,
    )
    from ._formats.assignments import (
        Assignments,
        AssignmentsError,
        load_assignments,
    )
    from ._render.plan import (
        plan_markdown,
        write_plan_docx,
    )
    from ._analysis.profiles import (
        FieldSummary,
        Profiles,
        profiles,
        UnitProfile,
    )
    from ._analysis.sensitivity import (
        monte_carlo,
        MonteCarlo,
        Perturbation,
        what_if,
        WhatIf,
        WhatIfUnit,
    )
    from ._audit.compare import (
        Change,
        compare,
        Comparison,
        FieldChange,
        Lineage,
        load_lineage,
        Succession,
        UnitComparison,
    )
    from ._audit.conformance import (
        check_conformance,
        ConformanceFinding,
        ConformanceReport,
    )
    from ._audit.reproduce import (
        reproduce,
        Reproduction,
        UnitReproduction,
    )
    from ._base.errors import (
        ArgumentError,
        AssessmentError,
        FrameworkError,
        MissingExtraError,
        MissingInformationError,
        Origin,
        ParindexError,
        PluginError,
        Problem,
        UnitNotFoundError,
        UnknownFrameworkError,
    )
    from ._base.model import (
        Assessment,
        Band,
        BandBasis,
        Framework,
        IndexKind,
        LegalBasis,
        MaximaMismatch,
        Methods,
        Node,
        NodeKind,
        NOT_ARISING,
        NotArisingPolicy,
        Params,
        Provenance,
        Publication,
        Published,
        PublishedRank,
        RankBasis,
        RankingMethod,
        Rule,
        Status,
    )
    from ._base.names import (
        find_unit,
        unit_key,
    )
    from ._base.numbers import (
        round_to,
        Rounding,
    )
    from ._engine.batch import (
        BatchResult,
        PointsMatrix,
        score_batch as score_batch,  # deprecated, not in __all__: still re-exported
        score_matrix,
        to_matrix,
    )
    from ._engine.ranking import (
        rank_values,
        RankedResult,
        Ranker,
        Ranking,
        score_many,
    )
    from ._engine.reconcile import (
        agrees,
    )
    from ._engine.rules import (
        RuleInputError,
        RuleKind,
    )
    from ._engine.results import (
        Discrepancy,
        Finding,
        NodeResult,
        Result,
    )
    from ._engine.scoring import (
        BandMethod,
        classify,
        score,
        score_leaf,
    )
    from ._formats.overlay import (
        apply_overlay,
        load_overlay,
        loads_overlay,
        Overlay,
    )
    from ._formats.tables import (
        load_mapping,
        parse_rank,
        ranking_table,
        read_table,
        ResultsTable,
        TableMapping,
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
        frameworks_in,
        load_assessment,
        load_framework,
        loads_assessment,
        loads_framework,
    )
    from ._formats.scoring_sheet import (
        read_scoring_sheet,
        ScoringSheet,
    )
    from ._plugins.registry import (
        get_framework,
        load_registry,
        PluginInfo,
        Registry,
        registry,
        using_registry,
    )
    from ._render.charts import (
        field_profile_chart,
        rank_interval_chart,
        rank_shift_chart,
        totals_chart,
    )
    from ._render.report import (
        report_html,
        write_report,
    )
    from .hookspecs import (
        hookimpl,
    )

#: Where each public name lives. ``import parindex`` imports none of them: a name's module
#: is imported when the name is first used (PEP 562), so the CLI starts fast and numpy,
#: matplotlib, openpyxl and the analysis modules load only for what needs them.
_LAZY: dict[str, str] = {
    "BandTarget": "_analysis.gaps",
    "FieldLoss": "_analysis.gaps",
    "Gaps": "_analysis.gaps",
    "LostItem": "_analysis.gaps",
    "LostPoints": "_analysis.gaps",
    "UnitTarget": "_analysis.gaps",
    "gaps": "_analysis.gaps",
    "lost_points": "_analysis.gaps",
    "PlanDraft": "_analysis.plan",
    "PlanField": "_analysis.plan",
    "PlanTask": "_analysis.plan",
    "PreviousResult": "_analysis.plan",
    "plan_draft": "_analysis.plan",
    "plan_markdown": "_render.plan",
    "write_plan_docx": "_render.plan",
    "Assignments": "_formats.assignments",
    "AssignmentsError": "_formats.assignments",
    "load_assignments": "_formats.assignments",
    "FieldSummary": "_analysis.profiles",
    "Profiles": "_analysis.profiles",
    "UnitProfile": "_analysis.profiles",
    "profiles": "_analysis.profiles",
    "MonteCarlo": "_analysis.sensitivity",
    "Perturbation": "_analysis.sensitivity",
    "WhatIf": "_analysis.sensitivity",
    "WhatIfUnit": "_analysis.sensitivity",
    "monte_carlo": "_analysis.sensitivity",
    "what_if": "_analysis.sensitivity",
    "Change": "_audit.compare",
    "Comparison": "_audit.compare",
    "FieldChange": "_audit.compare",
    "Lineage": "_audit.compare",
    "Succession": "_audit.compare",
    "UnitComparison": "_audit.compare",
    "compare": "_audit.compare",
    "load_lineage": "_audit.compare",
    "ConformanceFinding": "_audit.conformance",
    "ConformanceReport": "_audit.conformance",
    "check_conformance": "_audit.conformance",
    "Reproduction": "_audit.reproduce",
    "UnitReproduction": "_audit.reproduce",
    "reproduce": "_audit.reproduce",
    "ArgumentError": "_base.errors",
    "AssessmentError": "_base.errors",
    "FrameworkError": "_base.errors",
    "MissingExtraError": "_base.errors",
    "MissingInformationError": "_base.errors",
    "Origin": "_base.errors",
    "ParindexError": "_base.errors",
    "PluginError": "_base.errors",
    "Problem": "_base.errors",
    "UnitNotFoundError": "_base.errors",
    "UnknownFrameworkError": "_base.errors",
    "Assessment": "_base.model",
    "Band": "_base.model",
    "BandBasis": "_base.model",
    "Framework": "_base.model",
    "IndexKind": "_base.model",
    "LegalBasis": "_base.model",
    "MaximaMismatch": "_base.model",
    "Methods": "_base.model",
    "NOT_ARISING": "_base.model",
    "Node": "_base.model",
    "NodeKind": "_base.model",
    "NotArisingPolicy": "_base.model",
    "Params": "_base.model",
    "Provenance": "_base.model",
    "Publication": "_base.model",
    "Published": "_base.model",
    "Rounding": "_base.numbers",
    "round_to": "_base.numbers",
    "parse_rank": "_formats.tables",
    "PublishedRank": "_base.model",
    "RankBasis": "_base.model",
    "RankingMethod": "_base.model",
    "Rule": "_base.model",
    "Status": "_base.model",
    "find_unit": "_base.names",
    "unit_key": "_base.names",
    "BatchResult": "_engine.batch",
    "PointsMatrix": "_engine.batch",
    # Deprecated (score_many(..., batch=True)): still importable, with its warning, but
    # not in __all__ nor documented as current.
    "score_batch": "_engine.batch",
    "score_matrix": "_engine.batch",
    "to_matrix": "_engine.batch",
    "RankedResult": "_engine.ranking",
    "Ranker": "_engine.ranking",
    "Ranking": "_engine.ranking",
    "rank_values": "_engine.ranking",
    "score_many": "_engine.ranking",
    "agrees": "_engine.reconcile",
    "RuleInputError": "_engine.rules",
    "RuleKind": "_engine.rules",
    "BandMethod": "_engine.scoring",
    "Discrepancy": "_engine.results",
    "Finding": "_engine.results",
    "NodeResult": "_engine.results",
    "Result": "_engine.results",
    "classify": "_engine.scoring",
    "score": "_engine.scoring",
    "score_leaf": "_engine.scoring",
    "Overlay": "_formats.overlay",
    "apply_overlay": "_formats.overlay",
    "load_overlay": "_formats.overlay",
    "loads_overlay": "_formats.overlay",
    "ScoringSheet": "_formats.scoring_sheet",
    "read_scoring_sheet": "_formats.scoring_sheet",
    "ResultsTable": "_formats.tables",
    "TableMapping": "_formats.tables",
    "load_mapping": "_formats.tables",
    "ranking_table": "_formats.tables",
    "read_table": "_formats.tables",
    "to_dataframe": "_formats.tables",
    "write_table": "_formats.tables",
    "assessment_from_dict": "_formats.toml",
    "assessment_to_dict": "_formats.toml",
    "dumps_assessment": "_formats.toml",
    "dumps_framework": "_formats.toml",
    "framework_from_dict": "_formats.toml",
    "framework_to_dict": "_formats.toml",
    "frameworks_in": "_formats.toml",
    "load_assessment": "_formats.toml",
    "load_framework": "_formats.toml",
    "loads_assessment": "_formats.toml",
    "loads_framework": "_formats.toml",
    "PluginInfo": "_plugins.registry",
    "Registry": "_plugins.registry",
    "get_framework": "_plugins.registry",
    "load_registry": "_plugins.registry",
    "registry": "_plugins.registry",
    "using_registry": "_plugins.registry",
    "field_profile_chart": "_render.charts",
    "rank_interval_chart": "_render.charts",
    "rank_shift_chart": "_render.charts",
    "totals_chart": "_render.charts",
    "report_html": "_render.report",
    "write_report": "_render.report",
    "hookimpl": "hookspecs",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":  # the installed distribution's, read only when asked for
        from importlib.metadata import version

        return version("parindex")
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value  # once: later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def example_path() -> Path:
    """The bundled example: xã Thủy Thanh's appraised result for 2022 (Kế hoạch 69/KH-UBND).

    It ships with the Thừa Thiên Huế plugin (``parindex-thua-thien-hue``).
    """
    import importlib.resources

    return Path(str(importlib.resources.files("parindex_thua_thien_hue")
                            / "examples" / "thuy-thanh-2022.toml"))


__all__ = [
    "Assessment",
    "ArgumentError",
    "AssessmentError",
    "Assignments",
    "AssignmentsError",
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
    "IndexKind",
    "LegalBasis",
    "Lineage",
    "LostItem",
    "LostPoints",
    "MaximaMismatch",
    "Methods",
    "MissingExtraError",
    "MissingInformationError",
    "MonteCarlo",
    "NOT_ARISING",
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
    "PlanField",
    "PlanTask",
    "PluginError",
    "PluginInfo",
    "PointsMatrix",
    "PreviousResult",
    "Problem",
    "Profiles",
    "Provenance",
    "Published",
    "PublishedRank",
    "Publication",
    "Rounding",
    "round_to",
    "parse_rank",
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
    "ScoringSheet",
    "Status",
    "Succession",
    "TableMapping",
    "UnitComparison",
    "UnitNotFoundError",
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
    "find_unit",
    "framework_from_dict",
    "framework_to_dict",
    "frameworks_in",
    "gaps",
    "get_framework",
    "hookimpl",
    "load_assessment",
    "load_assignments",
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
    "read_scoring_sheet",
    "read_table",
    "registry",
    "report_html",
    "reproduce",
    "score",
    "score_leaf",
    "score_many",
    "score_matrix",
    "to_dataframe",
    "to_matrix",
    "totals_chart",
    "unit_key",
    "using_registry",
    "what_if",
    "write_plan_docx",
    "write_report",
    "write_table",
]
