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
public enum AtomicFile {
  public static func write(_ data: Data, to path: String) throws {
    try data.withUnsafeBytes { try write(bytes: $0, to: path) }
  }

  /// Writes raw bytes (a cache image) atomically.
  public static func write(bytes raw: UnsafeRawBufferPointer, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    let temp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    var ok = true
    var offset = 0
    while offset < raw.count {
      let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
      if n <= 0 { ok = false; break }
      offset += n
    }
    let reason = String(cString: strerror(errno))
    if ok { ok = fsync(fd) == 0 }
    close(fd)
    guard ok, rename(temp, path) == 0 else {
      unlink(temp)
      throw OutputError.cannotWrite(path: path, reason: reason)
    }
    // Keep the file's mode when it replaced an existing one is not needed: glossary files are 0644.
  }
}
