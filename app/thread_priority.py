"""Background threads (sync, ops) run below the window's priority, so the window gets a core first."""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

# How much nicer (Linux) a background thread is than the window's. When both want a core the
# window gets about 90 % of it (CFS weights 1024 against 110), and sync takes whatever the window
# leaves, which is nearly all of it: painting a page of chats takes a few milliseconds.
BACKGROUND_NICE = 10
_THREAD_PRIORITY_BELOW_NORMAL = -1  # Windows
_QOS_CLASS_UTILITY = 0x11  # macOS: "long-running work the user is not waiting on right now"


class _Lowered(threading.local):
    done = False


_lowered = _Lowered()


def run_in_background() -> None:
    """Lower the calling thread's scheduling priority below the window's; once per thread.

    A catch-up keeps the sync thread (and the ops reading for the window) busy for tens of
    seconds; on a two-core laptop with other programs running, the window's thread otherwise
    queues for a core behind them, and a page scroll waits hundreds of milliseconds.
    """
    if _lowered.done:
        return
    _lowered.done = True
    try:
        if sys.platform == "win32":
            import ctypes  # here: the start path paints before any thread is lowered

            kernel32 = ctypes.WinDLL("kernel32")
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), _THREAD_PRIORITY_BELOW_NORMAL)
        elif sys.platform == "darwin":
            import ctypes

            libc = ctypes.CDLL("/usr/lib/libSystem.dylib")
            libc.pthread_set_qos_class_self_np(_QOS_CLASS_UTILITY, 0)
        else:
            # Linux: PRIO_PROCESS with a thread id changes that thread only. BACKGROUND_NICE below
            # the window's thread (the process's main thread), not below the thread's own: a thread
            # started by a lowered one inherits its nice value and would sink to 19, and a thread
            # that holds the GIL at nice 19 waits behind everything else for a core while the
            # window waits for the GIL. Never raised (which would need privileges).
            tid = threading.get_native_id()
            target = min(19, os.getpriority(os.PRIO_PROCESS, os.getpid()) + BACKGROUND_NICE)
            if os.getpriority(os.PRIO_PROCESS, tid) < target:
                os.setpriority(os.PRIO_PROCESS, tid, target)
    except OSError as exc:  # a sandbox may refuse it: the thread keeps its priority
        log.info("background thread priority not lowered: %s", exc)


def is_lowered() -> bool:
    """True when the calling thread was lowered with run_in_background()."""
    return _lowered.done


def keep_lowered() -> None:
    """In a thread started by a lowered one: run at the same lowered priority. Linux gives a new
    thread its creator's nice value (lowering it again would add BACKGROUND_NICE twice); Windows
    and macOS start it at normal priority."""
    if sys.platform.startswith("linux"):
        _lowered.done = True
        return
    run_in_background()


# While the window paints what the owner just asked for (a page scroll), the window's process's
# other threads step aside at their next window_first(). A thread running Python asks for the GIL
# back every few hundred microseconds, and each time the window's thread, which lets go of it in
# every call into Qt, must wait for that thread to get a core and take it: behind a thread at a
# lower priority on a busy two-core laptop, milliseconds each time (measured: a 14-21 ms page
# scroll with 8-12 ms of it asleep while an op read 400 chat-list rows). WINDOW_FIRST_MAX_S bounds
# the wait, and one wait that long ends the window's claim, should it never say it is done.
WINDOW_FIRST_MAX_S = 0.05
_window_free = threading.Event()
_window_free.set()


def window_busy() -> None:
    """The window's thread is painting something the owner is waiting for."""
    _window_free.clear()


def window_free() -> None:
    """The window's thread is done with it (or gave up waiting for its paint)."""
    _window_free.set()


def window_first() -> None:
    """In a background thread, between pieces of work: wait, holding no GIL, while the window is busy."""
    if _window_free.is_set() or threading.current_thread() is threading.main_thread():
        return
    if not _window_free.wait(WINDOW_FIRST_MAX_S):
        _window_free.set()  # it never said so (a list closed before its paint): stop waiting
