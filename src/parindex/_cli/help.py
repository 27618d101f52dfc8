"""``--help`` in Vietnamese: click prints the help of a copy of the command whose texts are
the help catalogue's (:mod:`.help_vi`).

The English stays where it is declared, in each command's docstring and options; the
commands are never changed (a process may print help in both languages, as the tests do).
The catalogue is imported only to print Vietnamese help, so neither the English
``parindex --help`` nor a command that runs loads it.

The placeholders a command declares (``FILE``, ``ID_OR_FILE``, ``NAME=MIN``, click's
``[OPTIONS]``), option names and the values an option takes (``exclude``, ``weights``)
stay as they are: they are the command line's syntax, which the help texts and click's own
errors name so. Only the placeholders click makes of an option's type are said in
Vietnamese (``CHUỖI``, ``SỐ_NGUYÊN``, ``TỆP``), as click says a path's already when the
command is built under Vietnamese.
"""

from __future__ import annotations

import copy
from typing import Any

import click

from .options import click_language, help_language


class HelpContext(click.Context):
    """A command's context, whose help is printed in :func:`.options.help_language`."""

    def get_help(self) -> str:
        if help_language(self) == "vi":
            return vietnamese_help(self)
        return super().get_help()


def help_in_language(command: click.Command) -> None:
    """Print ``command``'s help (and its subcommands') in the language asked for."""
    command.context_class = HelpContext
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            help_in_language(sub)


def command_help(path: tuple[str, ...]) -> str:
    """The Vietnamese help of the command at ``path`` (``("parindex", "import",
    "assessment")``)."""
    from .help_vi import HELP

    return HELP[" ".join(path)]


def option_name(param: click.Parameter) -> str:
    """The name the catalogue knows an option by: its longest spelling (``--output`` for
    ``-o, --output``)."""
    return max(param.opts, key=len)


def option_help(path: tuple[str, ...], param: click.Parameter) -> str:
    """The Vietnamese help of option ``param`` of the command at ``path``: its own, else
    the one every command shares (``--lang``, ``--quiet``, ``--help``)."""
    from .help_vi import HELP

    name = option_name(param)
    return HELP.get(f"{' '.join(path)} {name}") or HELP[name]


#: The metavar click makes of an option's type, in Vietnamese (a path's is its kind, which
#: click says in the language the command was built in: "FILE", or "TỆP").
_KINDS = {"text": "CHUỖI", "integer": "SỐ_NGUYÊN", "float": "SỐ", "file": "TỆP",
          "directory": "THƯ_MỤC", "path": "ĐƯỜNG_DẪN"}


def _kind(kind: click.ParamType[Any]) -> str:
    if isinstance(kind, click.Path):
        return ("file" if kind.file_okay and not kind.dir_okay else "directory"
                if kind.dir_okay and not kind.file_okay else "path")
    if isinstance(kind, click.types.IntParamType):
        return "integer"
    if isinstance(kind, click.types.FloatParamType):
        return "float"
    return "text" if isinstance(kind, click.types.StringParamType) else ""


def vietnamese_help(context: click.Context) -> str:
    """``context``'s command's help, in Vietnamese (click's headings included)."""
    names = []
    parent: click.Context | None = context
    while parent is not None and parent.parent is not None:  # the root is "parindex"
        names.append(parent.info_name or "")
        parent = parent.parent
    said = _translated(context.command, ("parindex", *reversed(names)), context)
    with click_language("vi"):
        return said.get_help(context)


def _translated(command: click.Command, path: tuple[str, ...],
                context: click.Context) -> click.Command:
    said = copy.copy(command)
    said.help = command_help(path)
    said.short_help = None
    params = []
    for param in command.get_params(context):  # its --help too
        if isinstance(param, click.Option) and param.help is not None:
            param = copy.copy(param)
            param.help = option_help(path, param)
            if param.metavar is None and not param.is_flag:
                param.metavar = _KINDS.get(_kind(param.type))
        params.append(param)
    said.params = params
    said.add_help_option = False  # the copy of the one in params says it
    if isinstance(command, click.Group) and isinstance(said, click.Group):
        said.commands = {name: _translated(sub, (*path, name), context)
                         for name, sub in command.commands.items()}
    return said
