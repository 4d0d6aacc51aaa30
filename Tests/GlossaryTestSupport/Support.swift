import Foundation
import GlossaryKit

/// Output of a finished command.
public struct CommandResult: Sendable {
  public var stdout: String
  public var stderr: String
  public var status: Int32
}

/// Helpers shared by the test targets: run the built `glossary` binary, make temp folders.
public enum TestSupport {
  /// Path of the built `glossary` binary: `$GLOSSARY_BIN`, else beside the test bundle
  /// (`.build*/debug/glossary`), else the newest `.build*/{debug,release}/glossary` under the package.
  public static func glossaryBinary(filePath: String = #filePath) -> String {
    if let env = ProcessInfo.processInfo.environment["GLOSSARY_BIN"], !env.isEmpty { return env }
    var candidates: [String] = []
    for start in [Bundle.main.executablePath, Bundle.main.bundlePath, CommandLine.arguments.first].compactMap({ $0 }) {
      var url = URL(fileURLWithPath: start)
      for _ in 0..<4 {
        url = url.deletingLastPathComponent()
        candidates.append(url.appendingPathComponent("glossary").path)
      }
    }
    let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let builds = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.hasPrefix(".build") }
    for b in builds {
      for config in ["debug", "release"] { candidates.append(root.path + "/" + b + "/" + config + "/glossary") }
    }
    let found = candidates.filter { path in
      var isDir: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
        && FileManager.default.isExecutableFile(atPath: path)
    }
    return found.first ?? "glossary"
  }

  /// Runs `glossary ARGS` and waits for it.
  /// - Parameters:
  ///   - stdin: text fed to standard input (default: none).
  ///   - environment: variables added to this process's environment (NO_COLOR is set).
  ///   - directory: working directory (default: the current one).
  public static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: String? = nil
  ) throws -> CommandResult {
    let p = try start(arguments, stdin: stdin, environment: environment, directory: directory)
    return p.wait()
  }

  /// A started `glossary` process.
  public final class Running: @unchecked Sendable {
    public let process: Process
    let out: String
    let err: String
    init(process: Process, out: String, err: String) {
      self.process = process
      self.out = out
      self.err = err
    }

    /// Waits for the process and collects its output.
    public func wait() -> CommandResult {
      process.waitUntilExit()
      let o = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
      let e = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
      try? FileManager.default.removeItem(atPath: out)
      try? FileManager.default.removeItem(atPath: err)
      return CommandResult(stdout: o, stderr: e, status: process.terminationStatus)
    }

    public var pid: Int32 { process.processIdentifier }
  }

  /// Starts `glossary ARGS` without waiting (for concurrency and kill tests).
  public static func start(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: String? = nil
  ) throws -> Running {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: glossaryBinary())
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    p.environment = env
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let tag = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    let out = NSTemporaryDirectory() + "/glossary-test-out-\(tag)"
    let err = NSTemporaryDirectory() + "/glossary-test-err-\(tag)"
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    p.standardOutput = FileHandle(forWritingAtPath: out)
    p.standardError = FileHandle(forWritingAtPath: err)
    if let stdin {
      let inPath = NSTemporaryDirectory() + "/glossary-test-in-\(tag)"
      try Data(stdin.utf8).write(to: URL(fileURLWithPath: inPath))
      p.standardInput = FileHandle(forReadingAtPath: inPath)
    } else {
      p.standardInput = FileHandle.nullDevice
    }
    try p.run()
    return Running(process: p, out: out, err: err)
  }

  /// A fresh temporary folder (removed by the caller if it likes).
  public static func temporaryDirectory(_ name: String = "glossary-test") throws -> String {
    let path = NSTemporaryDirectory() + "/\(name)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes text to `dir/name` and returns the path.
  @discardableResult
  public static func write(_ text: String, to name: String, in dir: String) throws -> String {
    let path = dir + "/" + name
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// A small zh-en glossary in the file format, for tests.
  public static let sampleGlossary = """
    # sample glossary for tests
    zh\ten\tstatus\tvalid_from\tvalid_to\treplaced_by\ttags\tnote\tscore\toccurrences\tseen_in\texamples\treviewer\treviewed
    一带一路\tthe Belt and Road Initiative\tpreferred\t2016-01-01\t\t\tinitiative\tSingular.\t\t\t\t\t\t
    一带一路\tthe Belt and Road\tadmitted\t2016-01-01\t\t\tinitiative\t\t\t\t\t\t\t
    一带一路\tOne Belt, One Road\tsuperseded\t2013-09-07\t2015-12-31\tthe Belt and Road Initiative\tinitiative\t\t\t\t\t\t\t
    一带一路\tOBOR\tdeprecated\t\t\tthe Belt and Road Initiative\tinitiative\t\t\t\t\t\t\t
    人类命运共同体\ta community with a shared future for humanity\tpreferred\t2022-01-01\t\t\tformulation\t\t0.9\t12\t2022-03-01-talks,2023-05-02-visit\t2022-03-01-talks\\t推动构建人类命运共同体\\tbuild a community with a shared future for humanity\t\t
    人类命运共同体\ta community with a shared future for mankind\tsuperseded\t2012-11-08\t2021-12-31\ta community with a shared future for humanity\tformulation\t\t\t\t\t\t\t
    命运共同体\tcommunity with a shared future\tpreferred\t\t\t\tformulation\tGeneric.\t\t\t\t\tterminology-team\t2026-11-30
    国家主席\tPresident\tpreferred\t\t\t\ttitle\t\t\t\t\t\t\t

    """
}
