"""Power cuts, simulated: a FUSE filesystem that forgets every write not yet fsynced.

A SIGKILL keeps the page cache, so no kill test shows what a power cut
does. :class:`PowerCutFS` passes every operation through to a backing
folder (what the page cache would show), and keeps apart what a power cut
would leave (the LazyFS approach, in the strict POSIX model):

* a file's bytes are durable once the file is fsynced (``fsync``), and
  only as they were then;
* a name in a folder (created, renamed, removed) is durable once the
  folder is fsynced (``fsyncdir``); a file whose name is durable but whose
  bytes were never synced comes back empty, as ext4 can leave it.

:meth:`PowerCut.cut` builds that durable state in a new folder: the data
directory as it would be found after the power came back. Needs
``/dev/fuse``, ``fusermount3`` (Debian ``fuse3``) and ``mfusepy`` (pip).
"""
from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import threading
import time
from pathlib import Path


def available() -> str | None:
    """None when power cuts can be simulated here, else why not."""
    if not os.path.exists("/dev/fuse"):
        return "no /dev/fuse"
    if shutil.which("fusermount3") is None and shutil.which("fusermount") is None:
        return "no fusermount3 (apt-get install fuse3)"
    try:
        import mfusepy  # noqa: F401  (late: only the power-cut tests need it)
    except (ImportError, OSError) as exc:
        return f"no mfusepy ({exc}; pip install mfusepy)"
    return None


def _operations():
    import mfusepy  # late: only the power-cut tests need it

    class PowerCutFS(mfusepy.Operations):
        use_ns = True

        def __init__(self, root: Path):
            self.root = str(root)
            self._guard = threading.RLock()
            self.names: dict[int, dict[str, tuple[int, bool]]] = {}
            """Durable folder listings: folder inode -> {name: (inode, is a folder)}."""
            self.data: dict[int, bytes] = {}
            """Durable file bytes, by inode."""
            self.modes: dict[int, int] = {}
            self.root_ino = os.lstat(self.root).st_ino
            for folder, dirs, files in os.walk(self.root):  # what is there at the start is durable
                self._sync_dir(folder)
                for name in files:
                    self._sync_file(os.path.join(folder, name))

        # -- the durable model --------------------------------------------------------
        def _sync_dir(self, real: str) -> None:
            listing = {}
            for entry in os.scandir(real):
                st = entry.stat(follow_symlinks=False)
                listing[entry.name] = (st.st_ino, stat.S_ISDIR(st.st_mode))
                self.modes.setdefault(st.st_ino, stat.S_IMODE(st.st_mode))
            self.names[os.lstat(real).st_ino] = listing

        def _sync_file(self, real: str) -> None:
            st = os.lstat(real)
            if stat.S_ISREG(st.st_mode):
                with open(real, "rb") as handle:
                    self.data[st.st_ino] = handle.read()
                self.modes[st.st_ino] = stat.S_IMODE(st.st_mode)

        def rebuild(self, into: Path) -> None:
            """Write what a power cut would leave into ``into`` (a new folder)."""
            with self._guard:
                def build(ino: int, target: Path) -> None:
                    target.mkdir(mode=0o700, exist_ok=True)
                    for name, (child, is_dir) in self.names.get(ino, {}).items():
                        if is_dir:
                            build(child, target / name)
                        else:
                            (target / name).write_bytes(self.data.get(child, b""))
                            os.chmod(target / name, self.modes.get(child, 0o600))
                build(self.root_ino, into)

        # -- pass-through ---------------------------------------------------------------
        def _real(self, path: str) -> str:
            return self.root + path

        def getattr(self, path, fh=None):
            try:
                st = os.lstat(self._real(path))
            except OSError as exc:
                raise mfusepy.FuseOSError(exc.errno) from None
            return {k: getattr(st, k) for k in ("st_mode", "st_nlink", "st_size", "st_uid", "st_gid", "st_ino")} | {
                "st_atime": st.st_atime_ns, "st_mtime": st.st_mtime_ns, "st_ctime": st.st_ctime_ns}

        def readdir(self, path, fh):
            return [".", ".."] + os.listdir(self._real(path))

        def _call(self, func, *args):
            try:
                return func(*args)
            except OSError as exc:
                raise mfusepy.FuseOSError(exc.errno or errno.EIO) from None

        def access(self, path, amode):
            if not os.access(self._real(path), amode):
                raise mfusepy.FuseOSError(errno.EACCES)
            return 0

        def chmod(self, path, mode):
            return self._call(os.chmod, self._real(path), mode)

        def chown(self, path, uid, gid):
            return self._call(os.lchown, self._real(path), uid, gid)

        def utimens(self, path, times=None):
            return self._call(lambda: os.utime(self._real(path), ns=times) if times else os.utime(self._real(path)))

        def mkdir(self, path, mode):
            return self._call(os.mkdir, self._real(path), mode)

        def rmdir(self, path):
            return self._call(os.rmdir, self._real(path))

        def unlink(self, path):
            return self._call(os.unlink, self._real(path))

        def rename(self, old, new):
            return self._call(os.replace, self._real(old), self._real(new))

        def symlink(self, target, source):
            return self._call(os.symlink, source, self._real(target))

        def readlink(self, path):
            return self._call(os.readlink, self._real(path))

        def statfs(self, path):
            st = os.statvfs(self._real(path))
            return {k: getattr(st, k) for k in ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail",
                                                "f_ffree", "f_files", "f_flag", "f_frsize", "f_namemax")}

        def open(self, path, flags):
            return self._call(os.open, self._real(path), flags)

        def create(self, path, mode, fi=None):
            return self._call(os.open, self._real(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

        def read(self, path, size, offset, fh):
            return self._call(os.pread, fh, size, offset)

        def write(self, path, data, offset, fh):
            return self._call(os.pwrite, fh, data, offset)

        def truncate(self, path, length, fh=None):
            if fh is not None:
                return self._call(os.ftruncate, fh, length)
            return self._call(os.truncate, self._real(path), length)

        def flush(self, path, fh):
            return 0

        def release(self, path, fh):
            return self._call(os.close, fh)

        def fsync(self, path, datasync, fh):
            with self._guard:
                self._sync_file(self._real(path))
            return 0

        def opendir(self, path):
            return 0

        def releasedir(self, path, fh):
            return 0

        def fsyncdir(self, path, datasync, fh):
            with self._guard:
                self._sync_dir(self._real(path))
            return 0

    return mfusepy, PowerCutFS


class PowerCut:
    """``backing`` seen through the power-cut filesystem at ``mountpoint``."""

    def __init__(self, backing: Path, mountpoint: Path):
        mfusepy, fs_class = _operations()
        backing.mkdir(parents=True, exist_ok=True)
        mountpoint.mkdir(parents=True, exist_ok=True)
        self.mountpoint = mountpoint
        self.fs = fs_class(backing)
        self._thread = threading.Thread(
            target=lambda: mfusepy.FUSE(self.fs, str(mountpoint), foreground=True, nothreads=False,
                                        default_permissions=True),
            daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not os.path.ismount(mountpoint):
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the power-cut filesystem did not mount")
            time.sleep(0.02)

    def cut(self, into: Path) -> Path:
        """The power goes: what the disk would hold, written to ``into``."""
        self.fs.rebuild(into)
        return into

    def unmount(self) -> None:
        """Unmount (once: a second call, e.g. a fixture's teardown, returns at once)."""
        if not os.path.ismount(self.mountpoint):
            self._thread.join(timeout=10)
            return
        tool = shutil.which("fusermount3") or shutil.which("fusermount")
        for _ in range(50):
            if subprocess.run([tool, "-u", str(self.mountpoint)], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
        self._thread.join(timeout=10)
