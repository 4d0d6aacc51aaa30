import Foundation
import GlossaryKit

#if canImport(Glibc)
  import Glibc
#endif

/// A key read from the terminal in raw mode.
enum ReviewKey: Equatable {
  case char(Character)
  case enter, escape, backspace, delete, left, right, home, end, interrupt, eof, unknown
}

/// The saved terminal state, for the signal handlers (they cannot capture).
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var terminalIsRaw = false

/// Leaves the alternate screen and restores the saved terminal modes.
/// Async-signal-safe: only `write` and `tcsetattr`.
private func restoreTerminalNow() {
  guard terminalIsRaw else { return }
  let leave: [UInt8] = Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)
  _ = leave.withUnsafeBufferPointer { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTermios)
  terminalIsRaw = false
}

/// Raw-mode terminal I/O for `glossary review`: termios and ANSI escapes, no curses.
///
/// Raw mode keeps output processing (so `\n` still returns the carriage) and
/// turns off echo, line editing and signals: Ctrl-C arrives as a key and the
/// session quits cleanly. SIGINT, SIGTERM and SIGHUP from outside restore the
/// terminal before the process ends; decisions are already on disk.
final class ReviewTerminal {
  private var pending: [UInt8] = []

  /// Enters raw mode and the alternate screen.
  init() throws {
    guard tcgetattr(STDIN_FILENO, &savedTermios) == 0 else {
      throw ReviewTerminalError.notATerminal(String(cString: strerror(errno)))
    }
    var raw = savedTermios
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR | BRKINT | ISTRIP)
    raw.c_cflag |= tcflag_t(CS8)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
      throw ReviewTerminalError.notATerminal(String(cString: strerror(errno)))
    }
    terminalIsRaw = true
    // Unblock them too: a parent may spawn us with a mask that blocks them.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
      signal(s) { sig in
        restoreTerminalNow()
        _exit(128 + sig)
      }
      sigaddset(&unblock, s)
    }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    write("\u{1B}[?1049h")
  }

  /// Restores the terminal (idempotent).
  func restore() {
    restoreTerminalNow()
    for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { signal(s, SIG_DFL) }
  }

  deinit { restore() }

  /// Terminal width in columns (80 when unknown).
  var columns: Int {
    var ws = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    return 80
  }

  /// Writes text now (unbuffered: the screen is the output).
  func write(_ s: String) {
    let bytes = Array(s.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBufferPointer { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
      if n <= 0 {
        if errno == EINTR { continue }
        return
      }
      offset += n
    }
  }

  private func readByte(timeoutMs: Int32 = -1) -> UInt8? {
    if !pending.isEmpty { return pending.removeFirst() }
    if timeoutMs >= 0 {
      var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      guard poll(&p, 1, timeoutMs) > 0 else { return nil }
    }
    var b: UInt8 = 0
    while true {
      let n = Glibc.read(STDIN_FILENO, &b, 1)
      if n == 1 { return b }
      if n < 0 && errno == EINTR { continue }
      return nil
    }
  }

  /// Reads one key (blocks).
  func readKey() -> ReviewKey {
    guard let b = readByte() else { return .eof }
    switch b {
    case 0x03: return .interrupt
    case 0x04: return .eof
    case 0x0D, 0x0A: return .enter
    case 0x7F, 0x08: return .backspace
    case 0x01: return .home
    case 0x05: return .end
    case 0x1B: return escapeSequence()
    case 0x00..<0x20: return .unknown
    case 0x20..<0x80: return .char(Character(Unicode.Scalar(b)))
    default:
      var bytes = [b]
      let extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1
      for _ in 0..<extra {
        guard let c = readByte(timeoutMs: 100) else { break }
        bytes.append(c)
      }
      guard let s = String(validating: bytes, as: UTF8.self), let c = s.first else { return .unknown }
      return .char(c)
    }
  }

  private func escapeSequence() -> ReviewKey {
    guard let b1 = readByte(timeoutMs: 50) else { return .escape }
    guard b1 == UInt8(ascii: "[") || b1 == UInt8(ascii: "O") else {
      pending.insert(b1, at: 0)
      return .escape
    }
    var params: [UInt8] = []
    while let c = readByte(timeoutMs: 50) {
      if (0x40...0x7E).contains(c) {
        switch (c, params) {
        case (UInt8(ascii: "C"), _): return .right
        case (UInt8(ascii: "D"), _): return .left
        case (UInt8(ascii: "H"), _): return .home
        case (UInt8(ascii: "F"), _): return .end
        case (UInt8(ascii: "~"), [UInt8(ascii: "1")]), (UInt8(ascii: "~"), [UInt8(ascii: "7")]): return .home
        case (UInt8(ascii: "~"), [UInt8(ascii: "4")]), (UInt8(ascii: "~"), [UInt8(ascii: "8")]): return .end
        case (UInt8(ascii: "~"), [UInt8(ascii: "3")]): return .delete
        default: return .unknown
        }
      }
      params.append(c)
    }
    return .escape
  }
}

enum ReviewTerminalError: ExitCodeConvertible {
  case notATerminal(String)
  var description: String {
    switch self {
    case let .notATerminal(why): return "cannot put the terminal in raw mode: \(why)"
    }
  }
  /// Like a review without a terminal: a usage problem (see `glossary review --help` for sheets).
  var exitCode: Int32 { ExitStatus.usage }
}
