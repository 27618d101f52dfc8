"""The parindex command: a thin layer; JSON keys are a contract; errors are one line each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import parindex
from parindex._cli import main

EXAMPLE = str(parindex.example_path())
DATA = Path(__file__).resolve().parent / "data"
ANNEX = str(Path(__file__).resolve().parents[1] / "docs/examples/annex/tinh-mau-2024.docx")
FRAMEWORK_FILE = str(Path(parindex.__file__).parents[2] /
                     "plugins/thua_thien_hue/src/parindex_thua_thien_hue/frameworks/commune-2022.toml")


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_score_json_contract(capsys):
    status, out, err = run(capsys, "score", "--json", EXAMPLE)
    assert status == 0 and err == ""
    data = json.loads(out)
    assert {k: data[k] for k in ("framework", "unit", "year", "group", "total", "max",
                                 "arising_max", "index", "band")} == {
        "framework": "thua-thien-hue/commune/2022", "unit": "Xã Thủy Thanh", "year": 2022,
        "group": "Thị xã Hương Thủy", "total": "78.636", "max": "100.0",
        "arising_max": "99.5", "index": "79.031", "band": "Khá"}
    assert data["appraised"] == "49.97"
    assert data["nodes"]["3.5.2"]["status"] == "not-arising"
    assert data["nodes"]["3.4.1"] | {"comment": None} == {
        "name": "Tỷ lệ hồ sơ TTHC do UBND xã tiếp nhận, xử lý trong năm được giải quyết "
                "đúng hạn, trước hạn",
        "kind": "criterion", "points": "1.98", "max": "2.0", "arising_max": "2.0",
        "lost": "0.02", "status": "given", "self_assessed": None, "self_difference": None,
        "comment": None, "provenance": "seed", "rule": None, "inputs": None,
        "explanation": None}
    assert data["discrepancies"] == [{
        "code": "3.5", "what": "3.5", "published": "0.5", "computed": "1.25",
        "evidence": "items 3.5.1 + 3.5.3 = 0.5 + 0.75 = 1.25 (3.5.2 did not arise); "
                    "printed 0.5"}]


def test_score_table(capsys):
    status, out, _ = run(capsys, "score", EXAMPLE)
    assert status == 0
    assert "49.97" in out and "78.636 / 100" in out and "Khá" in out
    assert "3.5: published 0.5, computed 1.25" in out
    assert "Không phát sinh nhiệm vụ." in out


def test_score_under_a_framework_file(capsys):
    status, out, _ = run(capsys, "score", "--json", "--framework", FRAMEWORK_FILE, EXAMPLE)
    assert status == 0 and json.loads(out)["total"] == "78.636"


def test_errors_are_one_line_each_and_exit_2(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(Path(EXAMPLE).read_text(encoding="utf-8").replace(
        '"1.1.2" = 0.8', '"1.1.2" = 1.8'), encoding="utf-8")
    status, out, err = run(capsys, "score", str(bad))
    assert (status, out) == (2, "")
    assert err == (f"parindex: error: {bad}:17: points.\"1.1.2\": 1.8 is above the maximum "
                   "1.0 of 1.1.2 (Mức độ hoàn thành KH CCHC)\n")


def test_missing_file(capsys, tmp_path):
    status, _, err = run(capsys, "score", str(tmp_path / "nope.toml"))
    assert status == 2 and "nope.toml: no such file" in err and "Traceback" not in err


def test_validate(capsys):
    status, out, _ = run(capsys, "validate", FRAMEWORK_FILE)
    assert status == 0 and "valid framework thua-thien-hue/commune/2022 (66 nodes)" in out
    assert "warning: 6: items' maxima add up to 8.0, not to the maximum 9.0" in out
    assert "unknown: tie_break" in out
    status, out, _ = run(capsys, "validate", EXAMPLE)
    assert status == 0 and "valid assessment of Xã Thủy Thanh" in out


def test_frameworks_and_plugins_json(capsys):
    status, out, _ = run(capsys, "frameworks", "--json")
    [summary] = [f for f in json.loads(out)["frameworks"]
                 if f["id"] == "thua-thien-hue/commune/2022"]
    assert summary["completeness"] == {"seed": 65, "read": 0, "inferred": 1, "assumed": 0, "unknown": 0}
    assert summary["distribution"] == "parindex-thua-thien-hue"
    status, out, _ = run(capsys, "plugins", "--json")
    plugins = {p["name"]: p for p in json.loads(out)["plugins"]}
    assert plugins["thua_thien_hue"]["status"] == "ok"
    assert plugins["thua_thien_hue"]["frameworks"] == ["thua-thien-hue/commune/2022"]


def test_installed_command_runs(tmp_path):
    """The console script itself, as users run it (no traceback on bad input)."""
    command = Path(sys.executable).with_name("parindex")
    done = subprocess.run([str(command), "score", "--json", EXAMPLE], capture_output=True,
                          text=True, encoding="utf-8", check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["total"] == "78.636"
    done = subprocess.run([str(command), "score", str(tmp_path / "x.toml")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["--help"], ["score", "--help"], ["--version"]])
def test_help(capsys, args):
    assert run(capsys, *args)[0] == 0


def test_rule_command(capsys):
    from pathlib import Path

    framework = str(Path(__file__).resolve().parents[1] / "docs/examples/rules-framework.toml")
    assert main(["rule", "1.4", "issued=false", "--framework", framework]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "  issued = false → 0"
    assert main(["rule", "1.4", "issued", "--framework", framework]) == 2
    assert "'issued' is not NAME=VALUE" in capsys.readouterr().err
    assert main(["rule", "9", "a=1", "--framework", framework]) == 2
    assert "'9' is not a criterion" in capsys.readouterr().err


def test_numbers_on_the_command_line_take_a_decimal_comma_unless_it_reads_two_ways(capsys):
    # rule refused '85,5' with advice about TOML files, while sensitivity took '40,5';
    # '1,000' (a thousand, or one) is refused by both, saying the two readings.
    overlay = str(Path(__file__).resolve().parents[1] /
                  "docs/examples/overlays/quang-ngai-3.4.1.toml")
    outputs = []
    for on_time in ("489.5", "489,5"):
        status, out, _ = run(capsys, "rule", "3.4.1", f"on_time={on_time}", "resolved=493",
                             "--framework", overlay, "--json")
        assert status == 0
        outputs.append(json.loads(out))
    assert outputs[0] == outputs[1] and outputs[0]["inputs"]["on_time"] == "489.5"
    for args in (["rule", "3.4.1", "on_time=1,500", "resolved=2000", "--framework", overlay],
                 ["sensitivity", EXAMPLE, "--survey-share", "1,500"]):
        status, out, err = run(capsys, *args)
        assert (status, out) == (2, "")
        assert "'1,500' reads two ways: 1500 (a thousands comma) or 1.5 (a decimal comma); " \
            "write 1500 or 1.5" in err
        status, _, err = run(capsys, "--lang", "vi", *args)
        assert status == 2 and "'1,500' đọc được hai cách: 1500 (dấu phẩy phân cách hàng " \
            "nghìn) hoặc 1.5 (dấu phẩy thập phân)" in err
    status, _, err = run(capsys, "rule", "3.4.1", "on_time=abc", "resolved=2", "--framework",
                         overlay)
    assert status == 2 and "Invalid value for on_time: 'abc' is not a number" in err


def test_frameworks_completeness_table(capsys):
    assert main(["frameworks", "--completeness"]) == 0
    out = capsys.readouterr().out
    assert "quang-ngai/commune/2023: 21 nodes: 0 seed, 0 read, 0 inferred, 0 assumed, 21 unknown; " \
           "rules: 5 given, 8 unknown" in out
    assert "  unknown: criteria.3.4.1.rule" in out


def test_validate_conformance_reports_every_planted_fault(capsys):
    planted = Path(__file__).parents[1] / "docs" / "examples" / "kit" / "planted-faults.toml"
    assert main(["validate", "--conformance", str(planted)]) == 2
    out, err = capsys.readouterr()
    assert out.count("\n  [") == 6  # the six findings, each on its own line
    assert "code 1.1 is declared twice (lines 44, 61)" in out
    assert err.strip() == (f"parindex: error: {planted}: fails conformance: 6 error(s), "
                           "0 unfinished (not strict)")


def test_validate_conformance_strict_fails_on_placeholders(tmp_path, capsys):
    from parindex._render.scaffold import plan_plugin, write_plugin  # `parindex new-plugin`

    written = write_plugin(plan_plugin("thu_nghiem", tmp_path / "plugin", year=2026))
    skeleton = next(path for path in written if path.suffix == ".toml" and "frameworks" in
                    path.parts)
    assert main(["validate", "--conformance", str(skeleton)]) == 0
    assert main(["validate", "--conformance", "--strict", str(skeleton)]) == 2
    out, _ = capsys.readouterr()
    assert "unfinished" in out and "TODO" in out


def test_a_path_kind_is_said_as_a_vietnamese_sentence_says_it(tmp_path):
    """Click names a path's kind with str.title(): a command module imported under
    Vietnamese (the CLI imports each command when it runs) printed "Đường Dẫn" and
    "Thư Mục". A fresh process, as users run it, so the command is imported there."""
    command = Path(sys.executable).with_name("parindex")
    afile = tmp_path / "a.txt"
    afile.write_text("x", encoding="utf-8")
    for args, said in ((["import", "assessment", str(tmp_path), "--framework", "x"],
                        f"Tệp '{tmp_path}' là một thư mục."),
                       (["new-plugin", "abc", "--directory", str(afile)],
                        f"Thư mục '{afile}' là một tệp.")):
        done = subprocess.run([str(command), *args, "--lang", "vi"], capture_output=True,
                              text=True, encoding="utf-8", check=False)
        assert done.returncode == 2 and said in done.stderr, done.stderr


@pytest.mark.parametrize(("args", "has_json"), [
    (["gaps", "{missing}"], True), (["plan", "{missing}"], False),
    (["report", "{missing}", "-o", "r.html"], False), (["profiles", "{missing}"], True),
    (["sensitivity", "{missing}", "--survey-share", "40"], True),
    (["plan", EXAMPLE, "--previous", "{missing}", "-o", "p.md"], False),
    (["report", EXAMPLE, "--previous", "{missing}", "-o", "r.html"], False),
])
def test_a_missing_source_is_one_line_in_every_command(capsys, tmp_path, monkeypatch, args,
                                                        has_json):
    # The analysis commands let click check their paths, which printed a usage block
    # ("Invalid value for 'SOURCES...': Path ... does not exist") and, with --json, an
    # error with no file; every other command says the file and "no such file".
    monkeypatch.chdir(tmp_path)
    missing = str(tmp_path / "khong-co.toml")
    args = [a.format(missing=missing) for a in args]
    status, out, err = run(capsys, "--lang", "vi", *args)
    assert (status, out, err) == (2, "", f"parindex: lỗi: {missing}: không có tệp này\n")
    if has_json:
        status, out, _ = run(capsys, *args, "--json")
        assert status == 2 and json.loads(out)["problems"][0]["file"] == missing
    assert not list(tmp_path.iterdir())


def test_a_command_runs_with_rarer_collections_and_restores_the_thresholds(capsys,
                                                                          monkeypatch):
    # A command builds many lasting objects and few cycles: the collector's full passes
    # over them are made rare while it runs (a quarter of compare's time on two 10,000-row
    # tables), and the caller's thresholds are back afterwards, even after a failure.
    import gc

    import parindex._cli.units as units

    before = gc.get_threshold()
    during = []
    real = units.echo_json
    monkeypatch.setattr(units, "echo_json",
                        lambda data: (during.append(gc.get_threshold()), real(data)))
    assert run(capsys, "score", "--json", EXAMPLE)[0] == 0
    assert during == [(100_000, 50, 1_000)]
    assert gc.get_threshold() == before
    assert run(capsys, "score", "/nonexistent/a.toml")[0] == 2
    assert gc.get_threshold() == before


def test_sheet_is_refused_when_no_workbook_is_read(capsys, tmp_path):
    # --sheet chose nothing in a CSV and the command exited 0 as if it had; in a folder
    # of a CSV and a workbook it is the workbook's.
    csv_table, workbook = DATA / "published-2022.csv", DATA / "published-2022.xlsx"
    args = ["reproduce", str(csv_table), "--framework", "thua-thien-hue/commune/2022",
            "--sheet", "Kết quả"]
    status, out, err = run(capsys, *args)
    assert status == 2 and out == "" and "Traceback" not in err
    assert "--sheet 'Kết quả' chooses a sheet of an .xlsx workbook, and no workbook was " \
        "given" in err
    status, _, err = run(capsys, "--lang", "vi", *args)
    assert status == 2 and "--sheet 'Kết quả' chỉ dùng cho tệp .xlsx" in err
    both = tmp_path / "both"
    both.mkdir()
    (both / "a.csv").write_bytes(csv_table.read_bytes())
    (both / "b.xlsx").write_bytes(workbook.read_bytes())
    status, _, err = run(capsys, "profiles", str(both), "--framework",
                         "thua-thien-hue/commune/2022", "--sheet", "Nope")
    assert status != 0 and "no sheet 'Nope'" in err  # read in the workbook, not refused
    assert "has no sheets" not in err


@pytest.mark.parametrize(("args", "option", "needed"), [
    (["report", EXAMPLE, "-o", "r.html", "--group", "Thị xã Hương Thủy"], "--group", "--unit"),
    (["report", EXAMPLE, "-o", "r.html", "--previous-year", "2021"], "--previous-year",
     "--previous"),
    (["report", EXAMPLE, "-o", "r.html", "--width", "0.3"], "--width", "--monte-carlo"),
    (["sensitivity", EXAMPLE, "--survey-share", "40", "--seed", "3"], "--seed",
     "--monte-carlo"),
    (["sensitivity", EXAMPLE, "--max", "1=10", "--draws", "50"], "--draws", "--monte-carlo"),
    (["import", "framework", ANNEX, "--id", "x/commune/2024", "--name", "X", "--decision",
      "1/QĐ-UBND", "--assumed"], "--assumed", "--band or --not-arising"),
    (["import", "overlay", ANNEX, "--onto", "thua-thien-hue/commune/2022", "--assumed"],
     "--assumed", "--band or --not-arising"),
])
def test_an_option_that_only_counts_with_another_is_refused_without_it(
        capsys, tmp_path, monkeypatch, args, option, needed):
    # report and sensitivity passed over these and exited 0, as if they had been used.
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, *args)
    assert status == 2 and out == ""
    assert f"{option} only counts with {needed}" in err and "Traceback" not in err
    assert not (tmp_path / "r.html").exists()
    status, _, err = run(capsys, "--lang", "vi", *args)
    assert status == 2 and \
        f"{option} chỉ dùng cùng với {needed.replace(' or ', ' hoặc ')}" in err
