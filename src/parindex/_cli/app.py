"""The ``parindex`` command: a thin layer over the library.

Exit status: 0 on success; 2 on bad input (one clear message per problem on stderr,
naming the file, the line or key, and the criterion code; never a traceback).
"""

from __future__ import annotations

import contextlib
import decimal
import gc
import importlib
import sys
from collections.abc import Iterator

import click

from .._base.errors import ParindexError, Problem
from .._base.i18n import Language, language_from_locale, message, say
from .help import HelpContext, help_in_language
from .options import (
    add_common_options,
    asked_language,
    click_language,
    echo_error,
    help_language,
    lang_option,
    language_in,
    wants_json,
)
from .._base.numbers import CONTEXT


class LazyGroup(click.Group):
    """The ``parindex`` group: each command's module is imported when the command runs.

    ``parindex --help`` lists the commands from :data:`COMMANDS` without importing them
    (a test keeps the summaries equal to the commands' own), so it starts as fast as
    click does; running one command imports its module and what that needs.
    """

    context_class = HelpContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module, name, _ = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f".{module}", __package__), name)
            # A group's subcommands from other modules (they never import each other).
            for sub_module, sub_name in SUBCOMMANDS.get(cmd_name, ()):
                sub = getattr(importlib.import_module(f".{sub_module}", __package__), sub_name)
                assert isinstance(command, click.Group)
                command.add_command(sub)
            add_common_options(command)  # --lang and --quiet, on every command
            help_in_language(command)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        language = help_language(ctx)
        rows = []
        for name in names:
            if name in self.commands:
                rows.append((name, self.commands[name].get_short_help_str(limit)))
            else:
                summary = click.Command(name, help=_summary(name, language))
                rows.append((name, summary.get_short_help_str(limit)))
        with formatter.section(message(language, "click:Commands")):
            formatter.write_dl(rows)


def _summary(name: str, language: Language) -> str:
    """The help of a command not loaded yet, for the list of commands (a loaded one says
    its own: in Vietnamese, its copy's that .help prints)."""
    if language == "vi":
        from .help_vi import HELP

        return HELP[f"parindex {name}"]
    return COMMANDS[name][2]


#: Each command: its module in this package, the click command there, and its summary
#: (the first line of its docstring) for ``parindex --help``.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "score": ("units", "score_command",
              "Score one assessment FILE and reconcile it with its published figures."),
    "validate": ("units", "validate_command", "Check a framework or assessment FILE."),
    "rule": ("units", "rule_command", "Score one leaf CODE from reported figures, by the "
             "rule its framework gives it."),
    "frameworks": ("plugins", "frameworks_command", "List the installed frameworks, with how "
                   "complete their sources are."),
    "plugins": ("plugins", "plugins_command", "List the installed plugins: name, version, "
                "frameworks, and status or error."),
    "reproduce": ("tables", "reproduce_command", "Recompute a published results TABLE (.csv, "
                  ".xlsx, .json or .toml) and check it."),
    "compare": ("tables", "compare_command", "Compare two results tables, OLD and NEW (e.g. "
                "two years), unit by unit."),
    "bands": ("tables", "bands_command", "Count the units of TABLE per band (overall and per "
              "group), with percentages rounded as the framework declares, and check a "
              "published distribution."),
    "gaps": ("analysis", "gaps_command",
             "Where a unit lost points, and what it would take to move up."),
    "plan": ("analysis", "plan_command",
             "Draft a unit's improvement plan (Kế hoạch nâng cao Chỉ số CCHC)."),
    "profiles": ("analysis", "profiles_command", "Field sub-indices across the units of "
                 "SOURCES: mean, best and worst per field."),
    "sensitivity": ("analysis", "sensitivity_command",
                    "How ranks depend on the survey share and the field weights."),
    "report": ("analysis", "report_command", "Write one self-contained HTML report for a "
               "results table or a unit."),
    "import": ("imports", "import_group", "Turn officials' own files (scoring sheets, "
               "annexes) into parindex's TOML files."),
    "new-plugin": ("kit", "new_plugin_command", "Generate a province plugin NAME that installs "
                   "and passes its tests at once."),
}


#: Subcommands a group gets from other command modules: its name → (module, command).
SUBCOMMANDS: dict[str, tuple[tuple[str, str], ...]] = {
    "import": (("annex", "import_framework_command"), ("annex", "import_overlay_command")),
}


def _print_version(context: click.Context, _: click.Parameter, value: bool) -> None:
    # click's version_option words its message when the option is declared, in English.
    if value and not context.resilient_parsing:
        from importlib.metadata import version

        click.echo(message(help_language(context), "cli_version", version=version("parindex")))
        context.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_version, help="Show the version and exit.")
@click.option("--strict-plugins", is_flag=True, envvar="PARINDEX_STRICT_PLUGINS",
              help="Make any plugin failure an error (for CI). "
                   "Also: PARINDEX_STRICT_PLUGINS=1.")
@click.pass_context
def cli(ctx: click.Context, strict_plugins: bool) -> None:
    """Exact, reproducible PAR INDEX (Chỉ số CCHC) scoring."""
    ctx.with_resource(_rarer_collections())
    if strict_plugins:
        from .._plugins.registry import load_registry, using_registry

        # Installed for this invocation only (restored when the command ends).
        ctx.with_resource(using_registry(load_registry(strict=True)))


@contextlib.contextmanager
def _rarer_collections() -> Iterator[None]:
    """While a command runs, Python's cyclic garbage collector looks at the young
    objects every 100,000 new ones instead of 700, and rarely at the old ones.

    A command builds hundreds of thousands of lasting objects (a table's cells, each
    unit's figures) and almost no cycles: with the defaults, each time the objects grew
    by a quarter the collector walked all of them again, about a quarter of ``compare``'s
    time on two 10,000-row tables. Garbage is still freed as it is dropped (reference
    counting); a cycle is still collected while young.
    """
    saved = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1_000)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


cli.params.append(lang_option())  # parindex --lang vi CMD: for CMD, and for --help


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; report parindex errors as messages, never tracebacks.

    Under ``--json`` an error is JSON on standard output (``error``, ``problems``), so a
    program reading the output always gets JSON.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    as_json, language = wants_json(args), language_in(args)
    # Under --json an error is JSON, its message the English text as every JSON field.
    asked = language or language_from_locale()
    with click_language("en" if as_json else asked), asked_language(asked):
        return _run(args, as_json, language)


def _run(args: list[str], as_json: bool, language: Language | None) -> int:
    try:
        # Without standalone mode click returns the status a command exits with.
        with decimal.localcontext(CONTEXT):
            status = cli.main(args=args, prog_name="parindex", standalone_mode=False)
    except ParindexError as exc:
        echo_error(exc, as_json, language=language)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        if as_json:
            echo_error(exc, as_json)
        else:
            # A usage error the commands raise is a catalogue sentence: said in the
            # command's language, as click's own are (click types message as Final).
            said = say(exc.message, language or language_from_locale())
            exc.message = said  # type: ignore[misc]
            exc.show()
        return exc.exit_code
    except click.exceptions.Abort:  # Ctrl-C, or a prompt refused
        click.echo(message(language or language_from_locale(), "cli_aborted"), err=True)
        return 1
    except OSError as exc:  # a file or folder that cannot be read or written
        from pathlib import Path

        from .._base.files import os_reason

        error = ParindexError(Problem(os_reason(exc),
                                      path=Path(exc.filename) if exc.filename else None))
        echo_error(error, as_json, kind=type(exc).__name__, language=language)
        return 2
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
