"""Options every command takes (``--lang``, ``--quiet``), and errors as JSON under ``--json``.

The group adds the options to each command as it loads it (:func:`add_common_options`), so
that a new command gets them without declaring them. Light on purpose: ``parindex --help``
imports this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import click

from .._base.errors import ParindexError, Problem, UnitNotFoundError, problem_to_dict
from .._base.i18n import (
    LANGUAGES,
    MESSAGES,
    Alternatives,
    Language,
    Sentence,
    language_from_locale,
    message,
)
from .._base.text import terminal_safe

_LANG_KEY = "parindex.lang"
_QUIET_KEY = "parindex.quiet"


def lang(*, document: bool = False) -> Language:
    """The language of the running command: ``--lang``, else the locale (``LANG``,
    ``LC_ALL``); a ``document`` meant for officials (a plan, a report) is Vietnamese
    unless ``--lang`` says otherwise."""
    context = click.get_current_context(silent=True)
    if context is not None:
        chosen = context.meta.get(_LANG_KEY)
        if chosen in LANGUAGES:
            return chosen  # type: ignore[no-any-return]
    return "vi" if document else language_from_locale()


def quiet() -> bool:
    """Whether ``--quiet`` was given (no progress bars)."""
    context = click.get_current_context(silent=True)
    return bool(context is not None and context.meta.get(_QUIET_KEY))


def t(key: str, **values: object) -> str:
    """The catalogue's text for ``key`` in the running command's language."""
    return message(lang(), key, **values)


def _remember(key: str) -> Any:
    def callback(context: click.Context, _: click.Parameter, value: object) -> object:
        if value is not None:
            context.meta[key] = value
        return value
    return callback


def lang_option() -> click.Option:
    """The ``--lang`` option: every command takes it, and so does each group (``parindex
    --lang vi score``), for its own help and the command it runs."""
    return click.Option(
        ["--lang"], type=click.Choice(list(LANGUAGES)), default=None, expose_value=False,
        is_eager=True, callback=_remember(_LANG_KEY),
        help="Language of the output: vi or en [default: the locale (LANG, LC_ALL); "
             "vi for the report and the plan].")


def add_common_options(command: click.Command) -> None:
    """Give ``command`` (and every subcommand of a group) ``--lang`` and ``--quiet``; a
    group gets ``--lang``."""
    names = {name for param in command.params for name in getattr(param, "opts", ())}
    if "--lang" not in names:
        command.params.append(lang_option())
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_common_options(sub)
        return
    if "--quiet" not in names:
        command.params.append(click.Option(
            ["--quiet"], is_flag=True, default=None, expose_value=False, is_eager=True,
            callback=_remember(_QUIET_KEY), help="No progress bars on standard error."))


def only_with(needs: dict[str, str | tuple[str, ...]]) -> None:
    """Refuse an option given without the option it only counts with (``{"--group":
    "--unit"}``), or without any of several (``{"--assumed": ("--band",
    "--not-arising")}``): an option the command would silently pass over is a usage error,
    never a result that looks like it took it. Options are named as on the command line."""
    context = click.get_current_context()
    given = {opt for param in context.command.params
             if isinstance(param, click.Option) and param.name is not None
             and context.get_parameter_source(param.name)
             not in (None, click.core.ParameterSource.DEFAULT)
             for opt in param.opts}
    for option, needed in needs.items():
        either = (needed,) if isinstance(needed, str) else needed
        if option in given and given.isdisjoint(either):
            raise click.UsageError(Sentence("cli_only_with", option=option,
                                            needed=Alternatives(either)))


#: The language the command line asks for (its ``--lang``, else the locale), known before
#: click parses it: ``--help`` and ``--version`` are eager, so in ``score --help --lang vi``
#: they run before ``--lang``'s callback could say it (:func:`asked_language`).
_ASKED: ContextVar[Language | None] = ContextVar("parindex_asked_language", default=None)


@contextmanager
def asked_language(language: Language) -> Iterator[None]:
    """``language`` is the one the command line asks for while the block runs."""
    token = _ASKED.set(language)
    try:
        yield
    finally:
        _ASKED.reset(token)


def help_language(context: click.Context) -> Language:
    """The language of ``--help`` and ``--version``: a ``--lang`` already parsed (given
    before them, to the group or the command), else the one the command line asks for
    (:func:`asked_language`), else the locale."""
    chosen = context.meta.get(_LANG_KEY)
    if chosen in LANGUAGES:
        return chosen  # type: ignore[no-any-return]
    return _ASKED.get() or language_from_locale()


def error_to_dict(error: BaseException) -> dict[str, Any]:
    """An error as the JSON a ``--json`` caller reads instead of a message on stderr."""
    if isinstance(error, ParindexError):
        problems = [problem_to_dict(p) for p in error.problems]
    elif isinstance(error, click.ClickException):
        problems = [problem_to_dict(Problem(error.format_message()))]
    else:
        problems = [problem_to_dict(Problem(str(error)))]
    data: dict[str, Any] = {"error": type(error).__name__, "problems": problems}
    if isinstance(error, UnitNotFoundError):  # the names to choose from, as data
        data["candidates"] = list(error.candidates)
    return data


#: At most this many problems are printed on stderr (a generated file may repeat one fault
#: thousands of times): the first ones, a count of the rest, and the last (often the
#: summary of how to fix them all). JSON errors list every problem.
MAX_PROBLEMS_SHOWN = 7


def echo_error(error: BaseException, as_json: bool, *, kind: str | None = None,
               language: Language | None = None) -> None:
    """Report an error: JSON on stdout under ``--json`` (the English ``message``, as every
    JSON field), else one line per problem on stderr in ``language`` (by default the
    running command's)."""
    if as_json:
        from .._formats.output import json_text

        data = error_to_dict(error)
        if kind is not None:
            data["error"] = kind
        click.echo(json_text(data))
        return
    language = language or lang()
    if isinstance(error, ParindexError):
        problems: list[str] = [p.said(language) for p in error.problems]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            hidden = len(problems) - (MAX_PROBLEMS_SHOWN - 2)
            problems = [*problems[:MAX_PROBLEMS_SHOWN - 3],
                        message(language, "more_problems", count=hidden), problems[-1]]
    else:
        problems = [str(error)]
    for problem in problems:
        click.echo(message(language, "cli_error", text=terminal_safe(problem)), err=True)


def echo_warning(text: str | Problem, *, kind: str = "warning") -> None:
    """A warning (``kind="note"``: a note) on stderr, in the running command's language:
    ``parindex: warning: …`` / ``parindex: cảnh báo: …``."""
    if isinstance(text, Problem):
        text = text.sentence()
    click.echo(terminal_safe(t(f"cli_{kind}", text=text)), err=True)


def language_in(argv: Sequence[str]) -> Language | None:
    """The ``--lang`` the command line asks for (before it is parsed, or after it failed),
    else ``None``."""
    args = list(argv[: argv.index("--")] if "--" in argv else argv)
    for number, arg in enumerate(args):
        value = (args[number + 1] if arg == "--lang" and number + 1 < len(args)
                 else arg.removeprefix("--lang=") if arg.startswith("--lang=") else None)
        if value in LANGUAGES:
            return value
    return None


@contextmanager
def click_language(language: Language) -> Iterator[None]:
    """Click's own messages (a wrong command line: "Missing argument", "No such option",
    "Usage:") in ``language`` while the block runs.

    Click words them through :mod:`gettext`, which its modules import by name; for
    Vietnamese those names look the message up in the catalogue (``click:`` + click's
    English text) for the duration of the command, and are put back after it. A message
    the catalogue does not hold stays click's English.
    """
    if language != "vi":
        yield
        return
    texts = MESSAGES["vi"]
    # A command built while the language is set names its kind already said, and click
    # title-cases it ("Đường Dẫn"): such a name is said again here, as one sentence is.
    kinds = {texts[f"click:{kind}"] for kind in ("file", "directory", "path")}

    class Said(str):
        def format(self, *args: object, **values: object) -> str:
            # A path parameter's kind ("File") is named when its command is built, which
            # may have been before the language was chosen: said now, with the message.
            name = values.get("name")
            kind = name.lower() if isinstance(name, str) else ""
            said = texts.get(f"click:{kind}", kind if kind in kinds else None)
            if isinstance(name, str) and said is not None:
                values["name"] = said[:1].upper() + said[1:] if name[:1].isupper() else said
            return str.format(self, *args, **values)

    def gettext(text: str) -> str:
        found = texts.get("click:" + text)
        return text if found is None else Said(found)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    modules = [click.exceptions, click.types, click.core, click.formatting,
               *(m for m in (getattr(click, "parser", None),) if m is not None)]
    saved = [(module, name, module.__dict__[name]) for module in modules
             for name in ("_", "ngettext") if name in module.__dict__]
    try:
        for module, name, _ in saved:
            setattr(module, name, gettext if name == "_" else ngettext)
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def wants_json(argv: Sequence[str]) -> bool:
    """Whether the command line asks for JSON output (before it is even parsed)."""
    return "--json" in argv[: argv.index("--")] if "--" in argv else "--json" in argv
