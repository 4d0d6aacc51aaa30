import Foundation
import GlossaryText

/// Opening a glossary for reading: only a regular file, checked on the descriptor that is then read,
/// and without blocking (a FIFO or device given as a glossary is refused at once, never waited on).
public enum RegularFile {
  /// Opens `path` read-only; the descriptor belongs to the caller.
  /// - Throws: `GlossaryError.notFound`; `TextError.unreadable` for a folder, a FIFO, a device or an
  ///   unreadable file.
  public static func open(_ path: String) throws -> Int32 {
    let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT { throw GlossaryError.notFound(path: path) }
      throw TextError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw TextError.unreadable(path: path, reason: reason)
    }
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      throw TextError.unreadable(path: path, reason: (st.st_mode & S_IFMT) == S_IFDIR ? "is a directory" : "not a regular file")
    }
    return fd
  }

  /// The bytes of the regular file `path` (see ``open(_:)``).
  public static func readBytes(_ path: String) throws -> [UInt8] {
    let fd = try open(path)
    defer { close(fd) }
    var out: [UInt8] = []
    var st = stat()
    if fstat(fd, &st) == 0 { out.reserveCapacity(Int(st.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw TextError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}
