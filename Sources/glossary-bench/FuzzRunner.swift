import Foundation
import GlossaryKit
import GlossaryText

/// Something a mutant made the tool do that it must not.
struct FuzzFinding {
  enum Kind: String, CaseIterable {
    case crash, exit, lockout, disagree
  }
  var kind: Kind
  /// File of the work folder to keep (the mutant).
  var file: String
  var detail: String
}

/// What one mutant did.
struct FuzzResult {
  /// Exit code of the in-process refusal (nil: accepted).
  var refusal: Int32?
  var cliRuns = 0
  var findings: [FuzzFinding] = []
}

/// Runs one mutant through the in-process parser and the CLI.
struct FuzzRunner {
  let format: FuzzFormat
  let context: FuzzContext
  /// The `glossary` binary; nil: in-process only.
  let binary: String?
  let timeout: Double

  /// Exit codes a command may give for an input it refuses.
  static let refusals: Set<Int32> = [ExitStatus.dataError, ExitStatus.noInput]
  /// `lookup` refuses a broken glossary with the shared code (65), as every command does.
  static let lookupRefusals: Set<Int32> = [ExitStatus.dataError]

  func run(_ bytes: [UInt8], seedIndex: Int, in dir: String, cli runCLI: Bool = true) -> FuzzResult {
    var result = FuzzResult()
    let fm = FileManager.default
    try? fm.removeItem(atPath: dir)
    try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let name = format.mutantName(seedIndex: seedIndex)
    if format == .corpus {
      for seed in format.seedNames { try? fm.copyItem(atPath: context.seedFolder + "/" + seed, toPath: dir + "/" + seed) }
      try? fm.removeItem(atPath: dir + "/" + name)
    }
    let path = dir + "/" + name
    func finding(_ kind: FuzzFinding.Kind, _ detail: String) {
      let line = OneLine.flatten(detail)
      result.findings.append(FuzzFinding(kind: kind, file: name, detail: line.count > 400 ? line.prefix(400) + " ..." : line))
    }
    guard fm.createFile(atPath: path, contents: Data(bytes)) else {
      // The driver itself cannot work here (disk full, no permission): say so rather than test nothing.
      fatalError("glossary-bench fuzz: cannot write \(path)")
    }

    // In process: the parser, then (for inputs that write) the reader on what would be written.
    do {
      if let written = try format.parse(path, context: context) {
        let (errors, _) = written.crossRowProblems(path: "written.tsv")
        if errors.isEmpty {
          do { _ = try Glossary.parse(written.tsv(), path: "written.tsv") } catch {
            finding(.lockout, "accepted, but the glossary it writes does not read back: \(error)")
          }
        }
      }
    } catch {
      let code = ExitStatus.code(for: error)
      result.refusal = code
      if !Self.refusals.contains(code) { finding(.exit, "in-process refusal maps to exit \(code): \(error)") }
    }
    guard let binary, runCLI else { return result }

    // The CLI on the same file.
    func cli(_ arguments: [String], allowed: Set<Int32>, what: String) -> Int32? {
      result.cliRuns += 1
      let err = dir + "/stderr.txt"
      guard let r = try? runProgram(binary, arguments, stdout: dir + "/stdout.txt", stderr: err, timeout: timeout) else {
        finding(.crash, "\(what): cannot start glossary")
        return nil
      }
      let message = (try? String(contentsOfFile: err, encoding: .utf8)).map { String($0.prefix(300)) } ?? ""
      let shown = "glossary " + arguments.map { $0.hasPrefix(dir) ? "$DIR" + $0.dropFirst(dir.count) : $0 }.joined(separator: " ")
      if r.timedOut {
        finding(.crash, "\(what): \(shown) still running after \(timeout) s")
      } else if r.signal != 0 {
        finding(.crash, "\(what): \(shown) killed by signal \(r.signal): \(message)")
      } else if !allowed.contains(r.status) {
        finding(.exit, "\(what): \(shown) exited \(r.status) (expected \(allowed.sorted())): \(message)")
      }
      return r.signal == 0 && !r.timedOut ? r.status : nil
    }
    let accepted = result.refusal == nil
    let zh = context.sourceDocument, en = context.targetDocument
    switch format {
    case .tsv:
      let status = cli(["lookup", "一带一路", "--glossary", path], allowed: Self.lookupRefusals.union([0, 1]), what: "lookup")
      if let status, Self.lookupRefusals.contains(status) == accepted {
        finding(.disagree, "the glossary loader \(accepted ? "accepts" : "refuses") it, lookup exits \(status)")
      }
      if accepted, let status, !Self.lookupRefusals.contains(status) { readBack(path, dir: dir, cli: cli, finding: finding) }
    case .csv, .json, .tbx, .tbx2:
      let target = dir + "/imported.tsv"
      var arguments = ["import", path, "--glossary", target]
      if format == .tbx2 { arguments += ["--format", "tbx2"] }
      let status = cli(arguments, allowed: [0, 1, 65], what: "import")
      if status == 0 || status == 1 {
        readBack(target, dir: dir, cli: cli, finding: finding)
      } else if fm.fileExists(atPath: target) {
        finding(.lockout, "import refused (exit \(status.map(String.init) ?? "none")) but wrote \(target)")
      }
    case .sheet:
      let target = dir + "/reviewed.zh-en.tsv"
      try? fm.copyItem(atPath: context.glossaryPath, toPath: target)
      // A sheet applies the rows it can and lists the others (exit 65): whatever it wrote must read back.
      _ = cli(["review", "--glossary", target, "--apply-sheet", path, "--reviewer", "fuzz"], allowed: [0, 1, 65], what: "apply-sheet")
      if fm.contents(atPath: target) != fm.contents(atPath: context.glossaryPath) {
        readBack(target, dir: dir, cli: cli, finding: finding)
      }
    case .lexicon:
      _ = cli(["segment", "--words", "--lexicon", path, zh], allowed: [0, 65], what: "segment")
      _ = cli(["align", zh, en, "--lexicon", path], allowed: [0, 65], what: "align")
    case .corpus:
      _ = cli(["corpus", "check", "--corpus", dir], allowed: [0, 1, 65], what: "corpus check")
      _ = cli(["check", "--corpus", dir, "--glossary", context.glossaryPath, "--no-word-alignment"], allowed: [0, 1, 65], what: "check")
      if path.hasSuffix(".txt") {
        _ = cli(["segment", path], allowed: [0, 65], what: "segment")
        _ = cli(["annotate", path, "--glossary", context.glossaryPath], allowed: [0, 1, 65], what: "annotate")
      }
    }
    return result
  }

  /// Every command that reads a glossary, on one the tool accepted or wrote: none may refuse it.
  private func readBack(
    _ glossary: String, dir: String, cli: ([String], Set<Int32>, String) -> Int32?,
    finding: (FuzzFinding.Kind, String) -> Void
  ) {
    let languages: [String]
    do { languages = try GlossaryStore.load(path: glossary).languages } catch {
      finding(.lockout, "the glossary written does not load: \(error)")
      return
    }
    let reads: Set<Int32> = [0, 1]
    _ = cli(["lookup", "一带一路", "--glossary", glossary], reads, "lookup after write")
    _ = cli(["lookup", "the Belt and Road", "--glossary", glossary, "--status", "preferred,admitted,superseded,deprecated,candidate,rejected"], reads, "lookup after write")
    let exported = dir + "/exported.tbx"
    if cli(["export", "--glossary", glossary, "--all", "--out", exported], [0], "export") == 0 {
      // Export, then import into a new glossary: what the tool writes it must read.
      _ = cli(["import", exported, "--glossary", dir + "/roundtrip.tsv"], [0, 1], "import of the export")
    }
    _ = cli(["review", "--glossary", glossary, "--export-sheet", dir + "/sheet-out.csv"], [0], "review --export-sheet")
    guard languages.first == "zh" && languages.dropFirst().first == "en" else { return }
    _ = cli(["annotate", context.sourceDocument, "--glossary", glossary], reads, "annotate")
    _ = cli(["check", context.sourceDocument, context.targetDocument, "--glossary", glossary, "--no-word-alignment"], reads, "check")
    if cli(["add", "测试术语", "fuzz test term", "--glossary", glossary], [0], "add") == 0 {
      _ = cli(["lookup", "测试术语", "--glossary", glossary], [0], "lookup after add")
    }
  }
}
