import Foundation

/// An exclusive advisory lock (`flock`) on a lock file, held for the lifetime
/// of the value or until ``unlock()``. The kernel drops it when the process
/// dies, so a killed writer never leaves a stale lock behind.
public final class FileLock {
  public let path: String
  private var fd: Int32

  /// Takes the lock, waiting up to `timeout` seconds for another holder.
  /// - Throws: `GlossaryError.lockTimeout` when the lock stays taken,
  ///   `OutputError.cannotWrite` when the lock file cannot be created.
  public init(path: String, timeout: Double, lockedPath: String) throws {
    self.path = path
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeout) * 1e9)
    var pause: UInt32 = 2_000
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        let reason = String(cString: strerror(errno))
        close(fd)
        throw OutputError.cannotWrite(path: path, reason: "cannot lock: \(reason)")
      }
      if DispatchTime.now().uptimeNanoseconds >= deadline {
        close(fd)
        throw GlossaryError.lockTimeout(path: lockedPath, seconds: timeout)
      }
      usleep(pause)
      pause = min(pause * 2, 50_000)
    }
  }

  /// Releases the lock (also done on deinit).
  public func unlock() {
    if fd >= 0 {
      flock(fd, LOCK_UN)
      close(fd)
      fd = -1
    }
  }

  deinit { unlock() }
}
