"""What the commands say, said in Vietnamese under ``--lang vi``: the engine's findings,
the evidence of each discrepancy, what was not checked, and every command's own lines,
all from the one catalogue, while JSON keeps the English ``message``/``evidence`` text."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import parindex
from parindex._base.i18n import Sentence, Terms, say
from parindex._cli import main

EXAMPLE = str(parindex.example_path())


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # one line per finding, to match it whole


def _run(capsys: pytest.CaptureFixture[str], *args: str, status: int = 0) -> str:
    assert main(list(args)) == status, args
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return captured.out


def test_score_findings_discrepancy_and_notes_in_vietnamese(
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "score", "--lang", "vi", EXAMPLE)
    # Thủy Thanh: fields 3 and 6 have unitemised maxima; 3.5 printed 0.5 for 1.25.
    assert ("  - 3: tổng điểm tối đa các tiêu chí thành phần là 13,5, không bằng điểm tối "
            "đa 14,5 (chênh lệch 1,0)") in out
    assert ("  - 6: được chấm 8,0; các tiêu chí thành phần cộng lại 7,0, nên 1,0 thuộc "
            "phần 1,0 của điểm tối đa không chia thành tiêu chí thành phần") in out
    assert ("  - 3.5: công bố 0,5, tính lại 1,25 (các tiêu chí thành phần 3.5.1 + 3.5.3 = "
            "0,5 + 0,75 = 1,25 (3.5.2 không phát sinh); số công bố 0,5)") in out
    assert ("  - xếp hạng trong nhóm 2/10: cần chấm điểm cùng các đơn vị khác của Thị xã "
            "Hương Thủy") in out
    assert "(chỉ số 79,031 thuộc mức Khá (70 ≤ chỉ số < 80))" in out
    english = _run(capsys, "score", "--lang", "en", EXAMPLE)
    assert ("  - 3.5: published 0.5, computed 1.25 (items 3.5.1 + 3.5.3 = 0.5 + 0.75 = "
            "1.25 (3.5.2 did not arise); printed 0.5)") in english
    assert "  - 3: items' maxima add up to 13.5, not to the maximum 14.5 (difference 1.0)" \
        in english


def test_json_keeps_the_english_text(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_run(capsys, "score", "--json", "--lang", "vi", EXAMPLE))
    assert data["findings"][0] == {
        "kind": "maxima", "code": "3",
        "message": "items' maxima add up to 13.5, not to the maximum 14.5 (difference 1.0)"}
    [discrepancy] = data["discrepancies"]
    assert discrepancy["evidence"] == ("items 3.5.1 + 3.5.3 = 0.5 + 0.75 = 1.25 "
                                       "(3.5.2 did not arise); printed 0.5")
    assert data["unchecked"] == ["group_rank 2/10: needs the other units of Thị xã Hương "
                                 "Thủy scored together (parindex.score_many)"]


def test_a_sentence_is_its_english_text_and_says_itself_in_either_language() -> None:
    found = Sentence("ev_items", terms=Terms(["3.5.1", "3.5.3"]),
                     values=Terms([Decimal("0.5"), Decimal("0.75")]), points=Decimal("1.25"))
    found += Sentence("ev_skipped", codes=("3.5.2",))
    assert found == "items 3.5.1 + 3.5.3 = 0.5 + 0.75 = 1.25 (3.5.2 did not arise)"
    assert found.startswith("items ") and json.dumps(found) == json.dumps(str(found))
    assert say(found, "vi") == ("các tiêu chí thành phần 3.5.1 + 3.5.3 = 0,5 + 0,75 = 1,25 "
                                "(3.5.2 không phát sinh)")
    assert say("a unit's name" + found, "vi").startswith("a unit's namecác tiêu chí")
    import pickle

    assert say(pickle.loads(pickle.dumps(found)), "vi") == say(found, "vi")
