"""Files in and out, safely: one place that decides what parindex reads and how it writes.

Every command that reads a file checks it with :func:`check_input` (or reads it with
:func:`read_bytes`), and every file parindex writes goes through :func:`check_output`
(before any work) and :func:`atomic_write` / :func:`atomic_path`, so that:

- an output that is, or resolves to, one of the inputs is refused before anything is
  computed (``plan in.toml -o in.toml`` never replaces the input);
- an output is written to a temporary file in the same directory, flushed to disk and
  renamed over the target: a failure (a full disk, an error half-way) leaves the old file,
  or nothing, never a truncated one;
- FIFOs, devices and directories given as input files are refused (a FIFO would block
  forever, ``/dev/zero`` would fill memory), and so are files over :data:`MAX_INPUT_BYTES`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import FileError, ParindexError, Problem
from .i18n import MESSAGES, Alternatives, Count, Sentence

#: The largest input file parindex reads (bytes). Real frameworks, assessments and
#: officials' tables are well under 10 MB; the bound keeps a wrong file from filling memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024


def _kind(mode: int) -> Sentence | None:
    if stat.S_ISDIR(mode):
        return Sentence("kind_directory")
    if stat.S_ISFIFO(mode):
        return Sentence("kind_fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Sentence("kind_device")
    if stat.S_ISSOCK(mode):
        return Sentence("kind_socket")
    return None


def os_reason(error: OSError) -> str:
    """Why the system refused a file, in the reader's language where the catalogue knows
    the error (permission denied, a full disk…), else the system's own words."""
    name = errno.errorcode.get(error.errno or 0)
    if name is not None and f"os_{name}" in MESSAGES["en"]:
        return Sentence(f"os_{name}")
    return error.strerror or str(error)


def check_input(path: str | Path, error: type[ParindexError] = FileError, *,
                limit: int = MAX_INPUT_BYTES) -> Path:
    """Refuse what is not a regular, readable file of bounded size, before opening it.

    :raises error: no such file, a directory, FIFO, device or socket, or over ``limit``.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise error(Problem(Sentence("e_no_such_file"), path=path)) from None
    except OSError as exc:
        raise error(Problem(Sentence("e_cannot_read", reason=os_reason(exc)),
                            path=path)) from None
    kind = _kind(info.st_mode)
    if kind is not None:
        raise error(Problem(Sentence("e_not_a_file", kind=kind), path=path))
    if info.st_size > limit:
        raise error(Problem(Sentence("e_too_large", size=Count(info.st_size),
                                     limit=Count(limit)), path=path))
    return path


def read_bytes(path: str | Path, error: type[ParindexError] = FileError, *,
               limit: int = MAX_INPUT_BYTES) -> bytes:
    """A checked input file's bytes, never more than ``limit`` (a file that grows while it
    is read, or a /proc file whose size reads 0, is cut off and refused).

    :raises error: as :func:`check_input`, or the file cannot be read.
    """
    path = check_input(path, error, limit=limit)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        raise error(Problem(Sentence("e_cannot_read", reason=os_reason(exc)),
                            path=path)) from None
    if len(data) > limit:
        raise error(Problem(Sentence("e_over_limit", limit=Count(limit)), path=path))
    return data


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def check_output(path: str | Path, *, inputs: Iterable[str | Path] = (),
                 suffixes: Iterable[str] | None = None,
                 error: type[ParindexError] = FileError) -> Path:
    """Refuse an output path before any work is done.

    Refused: a path that is, or resolves to (symlink, hard link, ``./x``), one of
    ``inputs``; a suffix not in ``suffixes`` (when given, lowercase with the dot); a
    directory, device, FIFO or socket; a missing parent directory.

    :raises error: naming the output path and why.
    """
    path = Path(path)
    for source in inputs:
        source = Path(source)
        if source.exists() and path.exists() and _same(path, source) or \
                path.resolve() == source.resolve():
            raise error(Problem(Sentence("e_replaces_input", source=source), path=path))
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise error(Problem(Sentence("e_cannot_write", reason=os_reason(exc)),
                            path=path)) from None
    if info is not None:
        kind = _kind(info.st_mode)
        if kind is not None:
            raise error(Problem(Sentence("e_not_a_file_to_write", kind=kind), path=path))
    if suffixes is not None:
        allowed = sorted(set(suffixes))
        if path.suffix.lower() not in allowed:
            raise error(Problem(Sentence(
                "e_unknown_suffix", suffix=repr(path.suffix) if path.suffix
                else Sentence("no_suffix"), allowed=Alternatives(allowed)), path=path))
    parent = path.parent
    if not parent.is_dir():
        raise error(Problem(Sentence("e_no_such_directory", directory=repr(str(parent))),
                            path=path))
    return path


@contextlib.contextmanager
def atomic_path(path: str | Path, error: type[ParindexError] = FileError) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed over ``path`` when the block
    ends without an exception, removed otherwise (the old file, if any, is kept).

    For writers that want a file name (openpyxl, python-docx, matplotlib)::

        with atomic_path(output) as temporary:
            book.save(temporary)
    """
    path = Path(path)
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                            dir=path.parent)
    except OSError as exc:
        # ENOENT from a directory that exists (/proc takes no new files) is no missing one.
        missing = isinstance(exc, FileNotFoundError) and not path.parent.is_dir()
        raise error(Problem(Sentence("e_no_such_directory", directory=repr(str(path.parent)))
                            if missing else Sentence("e_cannot_write", reason=os_reason(exc)),
                            path=path)) from None
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        # The data must be on disk before the rename makes it the file.
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        else:
            # mkstemp makes 0600; an output file gets the usual mode (umask applies).
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        raise error(Problem(Sentence("e_cannot_write", reason=os_reason(exc)),
                            path=path)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def atomic_write(path: str | Path, data: str | bytes, *, encoding: str = "utf-8",
                 error: type[ParindexError] = FileError) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_path`); text is encoded
    with ``encoding`` and written with the newlines it has."""
    path = Path(path)
    raw = data.encode(encoding) if isinstance(data, str) else data
    with atomic_path(path, error) as temporary:
        try:
            temporary.write_bytes(raw)
        except OSError as exc:
            raise error(Problem(Sentence("e_cannot_write", reason=os_reason(exc)),
                            path=path)) from None
    return path
