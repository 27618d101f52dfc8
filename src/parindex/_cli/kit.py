"""``parindex new-plugin``: the plugin author kit."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from .._render.scaffold import plan_plugin, write_plugin
from .common import echo_wrapped
from .options import t


@click.command("new-plugin")
@click.argument("name")
@click.option("--directory", type=click.Path(file_okay=False, path_type=Path),
              help="The folder to create (default: parindex-NAME in the current folder); "
                   "it must not exist or be empty.")
@click.option("--province", metavar="TEXT",
              help="The province (or issuing body) as written in Vietnamese, e.g. "
                   "'Quảng Bình'; used in names and the README.")
@click.option("--level", default="commune", show_default=True,
              help="The level of the framework skeleton: commune, district, department, "
                   "province, ...")
@click.option("--year", type=int,
              help="The first assessment year of the framework skeleton (default: this "
                   "year).")
@click.option("--dry-run", is_flag=True, help="List the files without writing them.")
def new_plugin_command(name: str, directory: Path | None, province: str | None, level: str,
                       year: int | None, dry_run: bool) -> None:
    """Generate a province plugin NAME that installs and passes its tests at once.

    Writes pyproject.toml (with the parindex entry point), the package with its hook, a
    framework TOML skeleton whose provenance fields hold placeholders (TODO), tests using
    parindex's conformance suite, a README and a CI workflow. The conformance report lists
    every placeholder as unfinished; strict mode (pytest --parindex-strict) fails until
    each is replaced by a real source. NAME is lower-case ASCII, e.g. quang_binh.
    """
    plan = plan_plugin(name, directory, province=province, level=level, year=year)
    if not dry_run:
        write_plugin(plan)
    echo_wrapped(t("would_create" if dry_run else "created",
                   directory=plan.directory.as_posix(), distribution=plan.distribution,
                   name=plan.name, framework=plan.framework_id))
    for relative in plan.files:
        click.echo(f"  {relative}")
    if not dry_run:
        # One command a line, never wrapped: each is copied as it stands.
        folder = plan.directory.as_posix()
        click.echo(t("next_step"))
        click.echo(f"  pip install -e {shlex.quote(folder + '[test]')}")
        click.echo(f"  pytest {shlex.quote(folder)}")
