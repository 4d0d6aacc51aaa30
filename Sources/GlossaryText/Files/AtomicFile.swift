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
    try write(to: path) { w in try data.withUnsafeBytes { try w.append($0) } }
  }

  /// Writes raw bytes (a cache image) atomically.
  public static func write(bytes raw: UnsafeRawBufferPointer, to path: String) throws {
    try write(to: path) { w in try w.append(raw) }
  }

  /// Writes what `body` appends (and patches) to a temporary file, flushes it and renames it over `path`.
  public static func write(to path: String, _ body: (inout Writer) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    let temp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    var writer = Writer(fd: fd, path: path)
    do {
      try body(&writer)
      guard fsync(fd) == 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    } catch {
      close(fd)
      unlink(temp)
      throw error
    }
    close(fd)
    guard rename(temp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw OutputError.cannotWrite(path: path, reason: reason)
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
