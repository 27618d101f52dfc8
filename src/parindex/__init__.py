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

from ._batch import BatchResult, PointsMatrix, score_batch, score_matrix, to_matrix
from ._errors import (
    AssessmentError,
    FrameworkError,
    MissingInformationError,
    Origin,
    ParindexError,
    PluginError,
    Problem,
    UnknownFrameworkError,
)
from ._model import (
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
    Provenance,
    Published,
    PublishedRank,
    RankBasis,
    RankingMethod,
    Status,
)
from ._plugins import PluginInfo, Registry, frameworks_in, get_framework, load_registry, registry
from ._ranking import RankedResult, Ranking, rank_values, score_many
from ._reconcile import agrees
from ._scoring import Discrepancy, Finding, NodeResult, Result, classify, score
from ._toml import (
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
    "BatchResult",
    "Discrepancy",
    "Finding",
    "Framework",
    "FrameworkError",
    "LegalBasis",
    "MaximaMismatch",
    "MissingInformationError",
    "Node",
    "NodeKind",
    "NodeResult",
    "NotArisingPolicy",
    "Origin",
    "ParindexError",
    "PluginError",
    "PluginInfo",
    "PointsMatrix",
    "Problem",
    "Provenance",
    "Published",
    "PublishedRank",
    "RankBasis",
    "RankedResult",
    "Ranking",
    "RankingMethod",
    "Registry",
    "Result",
    "Status",
    "UnknownFrameworkError",
    "agrees",
    "assessment_from_dict",
    "assessment_to_dict",
    "classify",
    "dumps_assessment",
    "dumps_framework",
    "example_path",
    "framework_from_dict",
    "framework_to_dict",
    "frameworks_in",
    "get_framework",
    "hookimpl",
    "load_assessment",
    "load_framework",
    "load_registry",
    "loads_assessment",
    "loads_framework",
    "rank_values",
    "registry",
    "score",
    "score_batch",
    "score_many",
    "score_matrix",
    "to_matrix",
]
