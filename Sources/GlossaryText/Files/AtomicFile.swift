import Foundation

/// Errors writing output files.
public enum OutputError: Error, CustomStringConvertible, Equatable {
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
    }
  }
}

extension OutputError: ExitCodeConvertible {
  public var exitCode: Int32 { ExitStatus.cannotCreate }
}

/// Writes files atomically: a temporary file in the same folder, flushed to
/// disk, then renamed over the target. A crash leaves the old file or the new
/// one, never half of one. (The one atomic writer: glossaries, outputs and caches.)
///
/// Files keep what they are: a write through a symbolic link replaces the file
/// the link leads to (the link stays); an existing file keeps its mode and, when
/// the process may set them, its owner and group; anything but a regular file
/// (a FIFO, a device, a folder) is refused before it is opened. Temporary files
/// left by writers that were killed (`.NAME.tmp-PID-RAND`, PID no longer
/// running) are removed by the next write beside them.
public enum AtomicFile {
  public static func write(_ data: Data, to path: String) throws {
    try write(to: path) { w in try data.withUnsafeBytes { try w.append($0) } }
  }

  /// Writes raw bytes (a cache image) atomically.
  public static func write(bytes raw: UnsafeRawBufferPointer, to path: String) throws {
    try write(to: path) { w in try w.append(raw) }
  }

  /// Writes what `body` appends (and patches) to a temporary file, flushes it and renames it over `path`
  /// (over the file `path`'s symbolic links lead to).
  public static func write(to path: String, _ body: (inout Writer) throws -> Void) throws {
    let target = try resolved(path)
    var st = stat()
    let exists = lstat(target, &st) == 0
    if exists && (st.st_mode & S_IFMT) != S_IFREG {
      throw OutputError.cannotWrite(path: path, reason: "not a regular file")
    }
    let url = URL(fileURLWithPath: target)
    let dir = url.deletingLastPathComponent().path
    removeStaleTemps(in: dir, name: url.lastPathComponent)
    let temp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
    guard fd >= 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    var writer = Writer(fd: fd, path: path)
    do {
      if exists {
        // Owner first (a change of owner clears set-id bits), then the mode; an owner the process may not
        // give is left as it is (the mode is still kept).
        if st.st_uid != geteuid() || st.st_gid != getegid() { _ = fchown(fd, st.st_uid, st.st_gid) }
        guard fchmod(fd, st.st_mode & 0o7777) == 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
      }
      try body(&writer)
      guard fsync(fd) == 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
    close(fd)
    guard rename(temp, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw OutputError.cannotWrite(path: path, reason: reason)
    }
  }

  /// The file a write to `path` replaces: `path` itself, or the file its chain of symbolic links leads to
  /// (which need not exist yet).
  public static func resolved(_ path: String) throws -> String {
    var p = path
    for _ in 0..<40 {
      var st = stat()
      guard lstat(p, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return p }
      var buf = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = buf.withUnsafeMutableBufferPointer { b in b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { readlink(p, $0, b.count - 1) } }
      guard n > 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
      let link = String(decoding: buf[0..<n], as: UTF8.self)
      p = link.hasPrefix("/") ? link : URL(fileURLWithPath: p).deletingLastPathComponent().path + "/" + link
    }
    throw OutputError.cannotWrite(path: path, reason: "too many levels of symbolic links")
  }

  /// Removes temporary files of writes to `name` (and its sidecars, `.NAME*.tmp-PID-RAND`) in `dir`
  /// whose process is gone.
  static func removeStaleTemps(in dir: String, name: String) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
    let prefix = "." + name
    for e in entries where e.hasPrefix(prefix) {
      guard let r = e.range(of: ".tmp-", options: .backwards) else { continue }
      let rest = e[r.upperBound...].split(separator: "-", maxSplits: 1)
      guard rest.count == 2, let pid = pid_t(rest[0]), pid > 0, pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + e) }
    }
  }

  /// Appends to (and patches) the file being written.
  public struct Writer {
    let fd: Int32
    let path: String
    /// Bytes appended so far.
    public private(set) var count = 0

    public mutating func append(_ raw: UnsafeRawBufferPointer) throws {
      var offset = 0
      while offset < raw.count {
        let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
        if n <= 0 { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        offset += n
      }
      count += raw.count
    }

    /// Overwrites bytes already appended, at `offset`.
    public func patch(_ raw: UnsafeRawBufferPointer, at offset: Int) throws {
      guard pwrite(fd, raw.baseAddress, raw.count, off_t(offset)) == raw.count else {
        throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
    }
  }
}
