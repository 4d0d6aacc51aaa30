import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Errors of `PseudoTerminal`.
public enum PseudoTerminalError: Error, CustomStringConvertible {
  case openpty(Int32)
  /// `text` did not appear within the timeout; `screen` is the output seen so far (ANSI stripped).
  case timeout(waitingFor: String, screen: String)
  case notExited

  public var description: String {
    switch self {
    case let .openpty(e): return "openpty failed: errno \(e)"
    case let .timeout(text, screen): return "timed out waiting for \"\(text)\"; output so far:\n\(screen)"
    case .notExited: return "process did not exit"
    }
  }
}

/// Runs the built `glossary` binary on a pseudo-terminal, for end-to-end tests
/// of interactive commands: send keys, wait for text on the screen, kill.
///
/// The child gets the pty's slave as stdin, stdout and stderr (`isatty` is
/// true, termios works); the test holds the master. Spawning goes through
/// Foundation's `Process` (posix_spawn), so no `fork` in the test process.
///
/// ```swift
/// let t = try PseudoTerminal(["review", "--glossary", path])
/// try t.waitFor("1 of 3")
/// t.send("a")
/// ```
public final class PseudoTerminal: @unchecked Sendable {
  public let process: Process
  private let master: Int32
  private var bytes: [UInt8] = []
  /// Offset in the output after the last `waitFor` match.
  private var mark = 0

  /// Starts `glossary ARGS` on a new pty of `columns` x `rows`.
  /// - Parameter environment: added to this process's environment; NO_COLOR=1 and TERM=xterm are set unless given.
  public init(
    _ arguments: [String], environment: [String: String] = [:], directory: String? = nil, columns: Int = 120,
    rows: Int = 50
  ) throws {
    var m: Int32 = 0
    var s: Int32 = 0
    var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&m, &s, nil, nil, &size) == 0 else { throw PseudoTerminalError.openpty(errno) }
    master = m
    let p = Process()
    p.executableURL = URL(fileURLWithPath: TestSupport.glossaryBinary())
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["TERM"] = "xterm"
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let slave = FileHandle(fileDescriptor: s, closeOnDealloc: false)
    p.standardInput = slave
    p.standardOutput = slave
    p.standardError = slave
    process = p
    do { try p.run() } catch {
      close(s)
      close(m)
      throw error
    }
    close(s)
  }

  deinit {
    if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    close(master)
  }

  /// Types text (keys) into the terminal.
  public func send(_ text: String) {
    let b = Array(text.utf8)
    var off = 0
    while off < b.count {
      let n = b.withUnsafeBufferPointer { write(master, $0.baseAddress! + off, $0.count - off) }
      if n <= 0 { return }
      off += n
    }
  }

  /// Keys as escape sequences.
  public enum Key: String {
    case enter = "\r", escape = "\u{1B}", backspace = "\u{7F}", left = "\u{1B}[D", right = "\u{1B}[C"
    case home = "\u{1B}[H", end = "\u{1B}[F", delete = "\u{1B}[3~", interrupt = "\u{03}"
  }

  public func send(_ key: Key) { send(key.rawValue) }

  /// Everything the process wrote so far, raw (with escapes).
  public var rawOutput: String {
    drain(timeoutMs: 0)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Everything the process wrote so far, ANSI escapes removed.
  public var output: String { PseudoTerminal.stripANSI(rawOutput) }

  /// Reads what is available; returns false at end of output.
  @discardableResult
  private func drain(timeoutMs: Int32) -> Bool {
    var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&p, 1, timeoutMs) > 0 else { return true }
    var buf = [UInt8](repeating: 0, count: 4096)
    let n = buf.withUnsafeMutableBufferPointer { read(master, $0.baseAddress, $0.count) }
    if n <= 0 { return false }  // EIO once the child closed the slave
    bytes += buf[0..<n]
    return true
  }

  /// Waits until `text` appears in the output after the previous match (ANSI stripped).
  /// - Returns: the output between the previous match and the end of this one.
  @discardableResult
  public func waitFor(_ text: String, timeout: Double = 20) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let all = Array(PseudoTerminal.stripANSI(String(decoding: bytes, as: UTF8.self)).utf8)
      let from = min(mark, all.count)
      let tail = String(decoding: all[from...], as: UTF8.self)
      if let r = tail.range(of: text) {
        mark = from + tail[..<r.upperBound].utf8.count
        return String(tail[..<r.upperBound])
      }
      if Date() > deadline { throw PseudoTerminalError.timeout(waitingFor: text, screen: tail) }
      if !drain(timeoutMs: 100) {
        if !process.isRunning && !drainAvailable() {
          throw PseudoTerminalError.timeout(waitingFor: text, screen: tail + "\n[process exited]")
        }
      }
    }
  }

  private func drainAvailable() -> Bool {
    let before = bytes.count
    drain(timeoutMs: 0)
    return bytes.count > before
  }

  /// Waits for the process to end (reading its output meanwhile) and returns its exit status.
  public func waitForExit(timeout: Double = 20) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
      if Date() > deadline { throw PseudoTerminalError.notExited }
      drain(timeoutMs: 50)
    }
    while drainAvailable() {}
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Sends a signal to the process (`SIGKILL` for a crash).
  public func kill(_ signal: Int32 = SIGKILL) { Glibc.kill(process.processIdentifier, signal) }

  /// Removes CSI and OSC escape sequences.
  public static func stripANSI(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    var it = s.unicodeScalars.makeIterator()
    while let c = it.next() {
      guard c == "\u{1B}" else { out.append(c); continue }
      guard let n = it.next() else { break }
      if n == "[" {
        while let d = it.next(), !(0x40...0x7E).contains(d.value) {}
      } else if n == "]" {
        while let d = it.next(), d != "\u{07}" {}
      }
    }
    return String(out)
  }
}
