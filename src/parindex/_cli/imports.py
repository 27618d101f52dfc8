"""``parindex import``: officials' own files (scoring sheets, annexes) into parindex's."""

from __future__ import annotations

from pathlib import Path

import click

from .._base.errors import AssessmentError, MissingInformationError, Problem
from .._base.model import Framework
from .._engine.scoring import score
from .._formats.scoring_sheet import ScoringSheet, is_sheet, read_scoring_sheet
from .._formats.sheets import not_a_sheet
from .._formats.toml import dumps_assessment
from .._base.files import atomic_write, check_output
from .common import FRAMEWORK_HELP, resolve_framework, with_table_hint
from .options import echo_warning, t


def _say_notes(read: ScoringSheet) -> None:
    for note in read.notes:
        echo_warning(note, kind="note")


@click.group("import")
def import_group() -> None:
    """Turn officials' own files (scoring sheets, annexes) into parindex's TOML files."""


@import_group.command("assessment")
@click.argument("sheet", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--framework", "framework_ref", metavar="ID_OR_FILE", required=True,
              help="The framework the sheet is scored under. " + FRAMEWORK_HELP)
@click.option("--unit", help="The unit (default: from the title rows).")
@click.option("--group", help="Its group, e.g. its district (default: from the title rows).")
@click.option("--year", type=int, help="The year (default: from the title rows, else the "
                                       "framework's only year).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The assessment TOML file to write (default: standard output). Never "
                   "the sheet itself.")
def import_assessment_command(sheet: Path, framework_ref: str, unit: str | None,
                              group: str | None, year: int | None, output: Path | None
                              ) -> None:
    """Write a unit's scoring SHEET (.xlsx, .docx or .csv) as an assessment TOML file.

    Leaves' points go to [points], the self-assessed column to [self_assessed], the
    council's comments to [comments], and parents', totals' and blocks' printed figures
    to [published], so that 'parindex score' on the TOML file gives the same result as
    on the sheet. Numbers stay exact; text is NFC. A sheet that 'parindex score' would
    refuse (points above a maximum, a leaf left blank) is refused, and nothing written.
    """
    if not is_sheet(sheet):
        raise AssessmentError(Problem(not_a_sheet(sheet), path=sheet))
    if output is not None:  # before any work: never replace what is read
        check_output(output, inputs=[sheet, framework_ref], suffixes=(".toml",))
    framework = resolve_framework(framework_ref)
    try:
        read = read_scoring_sheet(sheet, framework, unit=unit, group=group, year=year)
    except AssessmentError as error:
        raise with_table_hint(error, sheet, framework_ref) from None
    _say_notes(read)
    # What score refuses (points above a maximum, a leaf left blank, ...) is refused here,
    # naming the sheet's row, rather than written into a file no command could score.
    try:
        score(framework, read.assessment)
    except MissingInformationError:
        pass  # a number the framework lacks: the sheet is as complete as it can be
    text = _header(read, framework) + dumps_assessment(read.assessment)
    if output is None:
        click.echo(text, nl=False)
        return
    atomic_write(output, text)
    click.echo(t("wrote", path=output), err=True)


def _header(read: ScoringSheet, framework: Framework) -> str:
    """The comments atop the file, in the command's language (the data stays as read)."""
    sheet = read.sheet
    lines = [t("imp_assessment", unit=read.assessment.unit, year=read.assessment.year,
               # concatenated, not an f-string: a Word table's name is said ("bảng 1")
               file=sheet.path.name, sheet=" (" + sheet.name + ")" if sheet.name else "",
               framework=framework.id),
             *t("imp_assessment_tables").splitlines()]
    lines += [t("imp_title", line=line) for line in sheet.title]
    lines += [t("imp_note", note=note.sentence()) for note in read.notes]
    return "\n".join(f"# {line}" for line in lines) + "\n\n"
