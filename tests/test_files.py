"""Reading bad input: every problem is a typed error naming file, line, key and code."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

import parindex
from parindex import AssessmentError, FrameworkError, MissingInformationError

FRAMEWORK = Path(parindex.__file__).parents[2] / \
    "plugins/thua_thien_hue/src/parindex_thua_thien_hue/frameworks/commune-2022.toml"


def _score(hue, text: str, tmp_path: Path) -> parindex.Result:
    path = tmp_path / "unit.toml"
    path.write_text(text, encoding="utf-8")
    return parindex.score(hue, parindex.load_assessment(path))


def _error(hue, text: str, tmp_path: Path, kind=AssessmentError) -> parindex.Problem:
    with pytest.raises(kind) as info:
        _score(hue, text, tmp_path)
    return info.value.problem


LINE_OF_112 = 17  # '"1.1.2" = 0.8' in the bundled example


@pytest.mark.parametrize("value, message", [
    ("1.8", "1.8 is above the maximum 1.0 of 1.1.2"),
    ("-0.2", "-0.2 is negative"),
    ('"abc"', "'abc' is not a number"),
    ("nan", "nan is not a finite number"),
    ("inf", "infinity is not a finite number"),
    ('"0,8"', "'0,8' uses a decimal comma; write 0.8"),
    ("true", "true is a boolean, not a number"),
    ("0,8", "0,8 uses a decimal comma; write 0.8 (TOML numbers use a decimal point)"),
    ("2022-01-01", "a date or time (2022-01-01) is not a number"),
    ("{ a = 1 }", "a table is not a number"),
    ("[1, 2]", "an array (2 values) is not a number"),
])
def test_bad_points_name_file_line_and_code(hue, example_text, tmp_path, value, message):
    text = example_text.replace('"1.1.2" = 0.8', f'"1.1.2" = {value}')
    problem = _error(hue, text, tmp_path)
    assert message in problem.message
    assert (problem.path, problem.line, problem.key, problem.code) == \
        (tmp_path / "unit.toml", LINE_OF_112, 'points."1.1.2"', "1.1.2")
    assert str(problem).startswith(f"{tmp_path / 'unit.toml'}:{LINE_OF_112}: points.\"1.1.2\": ")


def test_bad_toml_names_the_line(hue, example_text, tmp_path):
    problem = _error(hue, example_text.replace('"1.1.2" = 0.8', '"1.1.2" = "0.8'), tmp_path)
    assert problem.line == LINE_OF_112 and "not valid TOML" in problem.message


@pytest.mark.parametrize("table, line", [("published", "total = 78,636"),
                                         ("self_assessed", '"1.6" = 1,31')])
def test_unquoted_decimal_comma_anywhere_says_so(hue, example_text, tmp_path, table, line):
    if table == "published":
        text = example_text.replace("total = 78.636", line)
    else:
        text = example_text.rstrip() + f"\n\n[{table}]\n{line}\n"
    problem = _error(hue, text, tmp_path)
    key, written = line.split(" = ")
    assert problem.message == (f"{written} uses a decimal comma; write "
                               f"{written.replace(',', '.')} (TOML numbers use a decimal point)")
    assert problem.key == f"{table}.{key}"
    assert problem.line == text.splitlines().index(line) + 1


def test_a_key_given_twice_names_both_lines(hue, example_text, tmp_path):
    text = example_text.replace('"1.1.2" = 0.8', '"1.1.2" = 0.8\n"1.1.2" = 0.9')
    problem = _error(hue, text, tmp_path)
    assert (problem.line, problem.key, problem.code) == \
        (LINE_OF_112 + 1, 'points."1.1.2"', "1.1.2")
    assert problem.message == f"given twice (first on line {LINE_OF_112}); give each key once"


def test_codes_that_differ_only_in_spaces_are_one_code(hue, example_text, tmp_path):
    # TOML takes "1.1.2" and "1.1.2 " as two keys; normalised they are one code, and
    # one value would silently replace the other.
    text = example_text.replace('"1.1.2" = 0.8', '"1.1.2" = 0.8\n"1.1.2 " = 0.9')
    problem = _error(hue, text, tmp_path)
    assert problem.code == "1.1.2" and problem.line == LINE_OF_112 + 1
    assert "is the same code as '1.1.2'" in problem.message


def test_a_framework_file_given_as_an_assessment_is_one_message(hue, tmp_path):
    with pytest.raises(AssessmentError) as info:
        parindex.load_assessment(FRAMEWORK)
    assert len(info.value.problems) == 1
    assert "this is a framework file" in info.value.problem.message
    assert info.value.problem.key == "id" and info.value.problem.line


def test_unknown_code_suggests_the_closest(hue, example_text, tmp_path):
    problem = _error(hue, example_text.replace('"1.1.2" = 0.8', '"1.1.9" = 0.8'), tmp_path)
    assert problem.code == "1.1.9" and problem.line == LINE_OF_112
    assert "did you mean '1.1.2'?" in problem.message


def test_every_problem_is_reported_at_once(hue, example_text, tmp_path):
    text = example_text.replace('"1.1.2" = 0.8', '"1.1.2" = 9').replace(
        '"7.2" = 0.38', '"7.2" = -1')
    with pytest.raises(AssessmentError) as info:
        _score(hue, text, tmp_path)
    assert [p.code for p in info.value.problems] == ["1.1.2", "7.2"]


def test_missing_leaf(hue, example_text, tmp_path):
    problem = _error(hue, example_text.replace('"7.8" = 0.5\n', ""), tmp_path)
    assert problem.code == "7.8" and 'give its points, or "x"' in problem.message


def test_wrong_framework_id_and_year(hue, example_text, tmp_path):
    text = example_text.replace('framework = "thua-thien-hue/commune/2022"',
                                'framework = "thua-thien-hue/commune/2021"')
    assert "scored under 'thua-thien-hue/commune/2022'" in _error(hue, text, tmp_path).message
    text = example_text.replace("year = 2022", "year = 2023")
    problem = _error(hue, text, tmp_path)
    assert problem.key == "year" and "applies to assessment years 2022–2022" in problem.message
    text = example_text.replace('framework = "thua-thien-hue/commune/2022"',
                                'framework = "Huế 2022"')
    assert "is not a framework id" in _error(hue, text, tmp_path).message


def test_unknown_top_level_key_is_a_typo(hue, example_text, tmp_path):
    problem = _error(hue, example_text.replace("[comments]", "[coments]"), tmp_path)
    assert "did you mean 'comments'?" in problem.message


def test_decomposed_unicode_is_read_as_nfc(hue, example_text, tmp_path):
    decomposed = unicodedata.normalize("NFD", example_text)
    assert decomposed != example_text
    result = _score(hue, decomposed, tmp_path)
    assert result.unit == "Xã Thủy Thanh"
    assert result.nodes["1.1.1"].comment == "Đã ban hành KH, nhưng thời gian ký số không phù hợp."
    assert result.total == Decimal("78.636")


def test_survey_marked_not_arising_refuses(hue, example_text, tmp_path):
    text = example_text.replace('"9" = 28.666\n\n[comments]', '"9" = "x"\n\n[comments]')
    problem = _error(hue, text, tmp_path, MissingInformationError)
    assert problem.code == "9" and "no source says how" in problem.message


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('unit = "Xã"'.encode("latin-1"))
    with pytest.raises(AssessmentError, match="not UTF-8"):
        parindex.load_assessment(path)


# --- frameworks -------------------------------------------------------------------------

def test_real_framework_round_trips():
    framework = parindex.load_framework(FRAMEWORK)
    again = parindex.loads_framework(parindex.dumps_framework(framework))
    assert again == framework
    assert parindex.dumps_framework(again) == parindex.dumps_framework(framework)


MINIMAL = """
id = "test/commune/2022"
name = "Thử"
level = "commune"
first_year = 2022
[legal_basis]
decision = "1/QĐ-UBND"
[sources]
s = "a source"
[[bands]]
name = "Đạt"
min = 50
status = "read"
source = "s"
[[bands]]
name = "Không đạt"
min = 0
status = "read"
source = "s"
[criteria."1"]
name = "Một"
max = 10
status = "read"
source = "s"
[criteria."1.1"]
name = "Một một"
max = 10
status = "read"
source = "s"
"""


@pytest.mark.parametrize("change, message, line", [
    (('max = 10\nstatus = "read"\nsource = "s"\n[criteria."1.1"]',
      'max = 10\nstatus = "read"\nsource = "z"\n[criteria."1.1"]'),
     "source 'z' is not a key of [sources]", 24),
    (('[criteria."1.1"]\nname = "Một một"\nmax = 10\nstatus = "read"\n',
      '[criteria."1.1"]\nname = "Một một"\nmax = 10\n'), "every number needs a status", 25),
    (('[criteria."1.1"]', '[criteria."2.1"]'), "its parent '2' is not defined", 25),
    (('[criteria."1.1"]\nname = "Một một"\nmax = 10',
      '[criteria."1.1"]\nname = "Một một"\nmax = "unknown"'),
     'max is "unknown" but status is \'read\'', 28),
    (("min = 0", "min = 60"), "band minima must strictly decrease", None),
    (('id = "test/commune/2022"', 'id = "Test 2022"'), "is not of the form province/level/year", 2),
    (('[criteria."1"]', '[criteria."1"]\nmaxx = 3'), "did you mean 'max'?", 21),
])
def test_framework_errors(tmp_path, change, message, line):
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    path = tmp_path / "fw.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        parindex.load_framework(path)
    problem = next(p for p in info.value.problems if message in p.message)
    assert problem.path == path
    if line is not None:
        assert problem.line == line


def test_duplicate_code_is_an_error():
    framework = parindex.loads_framework(MINIMAL)
    node = framework.criteria[0]
    with pytest.raises(FrameworkError, match="code appears twice"):
        parindex.Framework(**{**{f: getattr(framework, f) for f in
                                 ("id", "name", "level", "legal_basis", "first_year", "bands")},
                              "criteria": (node, node)})


def test_maxima_mismatch_is_a_warning_not_an_error():
    text = MINIMAL.replace('name = "Một một"\nmax = 10', 'name = "Một một"\nmax = 8')
    framework = parindex.loads_framework(text)
    [mismatch] = framework.maxima_mismatches()
    assert (mismatch.code, mismatch.difference) == ("1", Decimal(2))


def test_written_numbers_keep_their_printed_precision(thuy_thanh):
    text = parindex.dumps_assessment(thuy_thanh)
    assert "\n5 = 10\n" in text and "\n4 = 3.0\n" in text and "total = 78.636\n" in text
    again = parindex.loads_assessment(text)
    assert str(again.points["5"]) == "10" and str(again.published.points["6"]) == "8.0"


@pytest.mark.parametrize(("inputs", "message"), [
    ('"1.6" = 3', 'give the figures as a table, e.g. "3.4.1" = { on_time = 489, total = 493 }'),
    ('"1.6" = { done = "yes" }', "'yes' is not a number"),
    ('"1.6" = { done = nan }', "nan is not a finite number"),
    ('"1.6" = { done = "80,5" }', "uses a decimal comma"),
])
def test_bad_inputs_name_file_line_and_code(example_text, tmp_path, inputs, message):
    path = tmp_path / "a.toml"
    path.write_text(example_text + f"\n[inputs]\n{inputs}\n", encoding="utf-8")
    with pytest.raises(AssessmentError) as error:
        parindex.load_assessment(path)
    [problem] = error.value.problems
    assert message in problem.message
    assert (problem.path, problem.code) == (path, "1.6")
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1] == inputs


def test_inputs_for_a_leaf_whose_points_are_given(hue, example_text, tmp_path):
    path = tmp_path / "a.toml"
    path.write_text(example_text.replace('"1.6" = 1.31', "")
                    + '\n[inputs]\n"1.6" = { done = 119, total = 136 }\n', encoding="utf-8")
    with pytest.raises(AssessmentError, match=r"1.6 .* has no rule that computes its points"):
        parindex.score(hue, parindex.load_assessment(path))


def test_every_decimal_comma_is_reported_at_once(hue, example_text, tmp_path):
    # tomllib stops at the first; a sheet typed from a Vietnamese document has them on
    # every line, and a comma inside a comment's text is not one of them.
    text = example_text.replace('"1.1.2" = 0.8', '"1.1.2" = 0,8').replace(
        '"1.6" = 1.31', '"1.6" = 1,31').replace(
        '"1.6" = "đã thực hiện', '"1.6" = "x = 1,5; đã thực hiện')
    with pytest.raises(AssessmentError) as info:
        _score(hue, text, tmp_path)
    assert [(p.line, p.code, p.message.split(";")[0]) for p in info.value.problems] == [
        (LINE_OF_112, "1.1.2", "0,8 uses a decimal comma"),
        (text.splitlines().index('"1.6" = 1,31') + 1, "1.6", "1,31 uses a decimal comma")]


@pytest.mark.parametrize("value, message", [
    ("01", "01 has a leading zero, which TOML numbers cannot have; write 1"),
    (".8", ".8 has no digit before the decimal point, which TOML numbers cannot have; "
           "write 0.8"),
])
def test_numbers_typed_loosely_say_what_to_write(hue, example_text, tmp_path, value, message):
    problem = _error(hue, example_text.replace('"1.1.2" = 0.8', f'"1.1.2" = {value}'), tmp_path)
    assert (problem.message, problem.line, problem.code) == (message, LINE_OF_112, "1.1.2")


def test_an_unquoted_dotted_code_says_to_quote_it(hue, example_text, tmp_path):
    problem = _error(hue, example_text.replace('"1.1.2" = 0.8', "1.1.2 = 0.8"), tmp_path)
    assert problem.code == "1.1.2" and problem.line == LINE_OF_112
    assert problem.message.startswith('a code with dots must be quoted: write "1.1.2" = ...')


@pytest.mark.parametrize("encode", [
    lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),            # byte-order mark
    lambda text: text.replace("\n", "\r\n").encode("utf-8"),        # Windows line ends
    lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
])
def test_bom_and_crlf_files_read_the_same_and_keep_their_lines(hue, example_text, tmp_path,
                                                               encode):
    path = tmp_path / "unit.toml"
    path.write_bytes(encode(example_text))
    assert parindex.score(hue, parindex.load_assessment(path)).total == Decimal("78.636")
    path.write_bytes(encode(example_text.replace('"1.1.2" = 0.8', '"1.1.2" = 0,8')))
    with pytest.raises(AssessmentError) as info:
        parindex.load_assessment(path)
    assert (info.value.problem.line, info.value.problem.code) == (LINE_OF_112, "1.1.2")
    # Text given to loads_assessment may carry the mark too (read with another decoder).
    text = encode(example_text).decode("utf-8")
    assert parindex.loads_assessment(text) == parindex.loads_assessment(example_text)


@pytest.mark.parametrize("line, message", [
    ("year = 2022.0", "year: expected a whole number, got 2022.0"),
    ("year = true", "year: expected a whole number, got true"),
    ("year = 2022-01-01", "year: expected a whole number, got 2022-01-01"),
    ('year = "2022"', "year: expected a whole number, got '2022'"),
])
def test_wrong_types_are_shown_as_the_file_writes_them(example_text, line, message):
    # As TOML writes the value, never as Python's repr (Decimal('2022.0'), True).
    with pytest.raises(AssessmentError) as info:
        parindex.loads_assessment(example_text.replace("year = 2022", line))
    assert str(info.value.problem).endswith(message)


def test_a_file_not_in_utf8_names_its_line(example_text, tmp_path):
    path = tmp_path / "unit.toml"
    path.write_bytes(example_text.encode("cp1258", errors="replace"))
    with pytest.raises(AssessmentError) as info:
        parindex.load_assessment(path)
    first_non_ascii = next(i for i, line in enumerate(example_text.splitlines(), 1)
                           if not line.isascii())
    assert info.value.problem.line == first_non_ascii
    assert "not UTF-8 text" in info.value.problem.message
    assert info.value.problem.message.endswith("save the file as UTF-8")
