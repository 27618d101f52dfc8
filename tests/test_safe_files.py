"""Files in and out: no input replaced, no partial output, no hanging on a FIFO or device."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import parindex
from parindex._base.files import (
    FileError,
    atomic_path,
    atomic_write,
    check_input,
    check_output,
    read_bytes,
)
from parindex._cli import main


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("the writer failed half-way")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary left


def test_atomic_write_gives_a_new_file_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = atomic_write(tmp_path / "new.txt", "x")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_atomic_write_into_a_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="no such directory"):
        atomic_write(tmp_path / "missing" / "out.txt", "x")
    assert not (tmp_path / "missing").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_directory_that_takes_no_new_file_is_not_called_missing() -> None:
    # /proc exists, and creating a file in it fails with ENOENT: the error said
    # "no such directory '/proc'".
    with pytest.raises(FileError) as refused:
        atomic_write("/proc/parindex-report.html", "x")
    assert "cannot write" in str(refused.value) and "no such directory" not in str(refused.value)


def test_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.toml"
    source.write_text("x = 1\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(source)
    hard = tmp_path / "hard.md"
    os.link(source, hard)
    for output in (source, tmp_path / "." / "in.toml", link, hard):
        with pytest.raises(FileError, match="would replace the input"):
            check_output(output, inputs=[source])
    check_output(tmp_path / "other.md", inputs=[source])


def test_output_suffix_directory_and_devices(tmp_path: Path) -> None:
    with pytest.raises(FileError, match=r"unknown suffix '\.xyz'; give a file ending "
                                         r"in \.htm or \.html"):
        check_output(tmp_path / "r.xyz", suffixes=(".html", ".htm"))
    with pytest.raises(FileError, match="'\\(no suffix\\)'"):
        check_output(tmp_path / "r", suffixes=(".html",))
    with pytest.raises(FileError, match="is a directory"):
        check_output(tmp_path)
    with pytest.raises(FileError, match="no such directory"):
        check_output(tmp_path / "a" / "b.html")
    if Path("/dev/full").exists():
        with pytest.raises(FileError, match="is a device"):
            check_output("/dev/full")


def test_inputs_that_are_not_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FileError, match="no such file"):
        check_input(tmp_path / "none.toml")
    with pytest.raises(FileError, match="is a directory, not a file"):
        check_input(tmp_path)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(FileError, match="is a FIFO"):
        read_bytes(fifo)  # never opened: opening a FIFO blocks until a writer comes
    if Path("/dev/zero").exists():
        with pytest.raises(FileError, match="is a device"):
            read_bytes("/dev/zero")
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileError, match="over the limit of 100 bytes"):
        read_bytes(big, limit=100)
    assert read_bytes(big, limit=101) == b"x" * 101


def test_plan_never_replaces_its_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    source = tmp_path / "in.toml"
    shutil.copy(parindex.example_path(), source)
    before = source.read_bytes()
    for output in (source, tmp_path / "in.docx", tmp_path / "plan.pdf"):
        if output.suffix == ".docx":
            output.symlink_to(source)
        assert main(["plan", str(source), "-o", str(output)]) == 2
        assert source.read_bytes() == before
    err = capsys.readouterr().err
    assert "the output would replace the input" in err
    assert "unknown suffix '.pdf'" in err
    assert not (tmp_path / "plan.pdf").exists()


def test_report_refuses_bad_outputs_before_any_work(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = str(parindex.example_path())
    assert main(["report", source, "-o", str(tmp_path / "none" / "r.html")]) == 2
    assert "no such directory" in capsys.readouterr().err
    assert main(["report", source, "-o", source]) == 2
    assert "would replace the input" in capsys.readouterr().err
    out = tmp_path / "r.html"
    assert main(["report", source, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
