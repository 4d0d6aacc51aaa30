import ArgumentParser
import Foundation
import GlossaryKit

struct ReviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "review",
    abstract: "Review mined candidates in a terminal session or a sheet.",
    discussion: """
      Shows one concept at a time (source term, proposed rendering, alternatives with documents \
      and years, evidence sentences with the term highlighted, related glossary entries) and takes \
      one key per decision. Every decision is written to the glossary at once (locked, atomic) with \
      the reviewer and today's date; the next session resumes with the candidates left.

      Keys: a accept, e edit, 1-9 pick a rendering, v admitted variant, d deprecated, r reject, \
      s skip, n note, u undo, ? help, q quit.

      Sheet workflow (no terminal needed): --export-sheet writes the candidates as CSV with empty \
      columns decision (accept|reject|edit|variant|deprecate|skip), new_target, replacement, note; \
      fill them in a spreadsheet, then --apply-sheet applies them and lists the rows it could not apply.

      Examples:
        glossary review --sort frequency --limit 50 --reviewer li.wei
        glossary review --export-sheet review.csv
        glossary review --apply-sheet review.csv
      """
  )

  @OptionGroup var glossaryOptions: GlossaryWriteOptions
  @Option(help: ArgumentHelp("Corpus folder for more evidence when a candidate has few examples (default: none).", valueName: "dir"))
  var corpus: String?
  @Option(help: "Order of concepts: score, frequency or date.") var sort: String = "score"
  @Option(help: ArgumentHelp("Only concepts whose term or a rendering contains this text (match keys).", valueName: "text"))
  var filter: String?
  @Option(help: "At most this many concepts (default: all).") var limit: Int?
  @Option(help: ArgumentHelp("Name recorded with each decision (default: $USER).", valueName: "name"))
  var reviewer: String?
  @Option(help: ArgumentHelp("Write the candidates as a CSV sheet to FILE (- for stdout) and exit.", valueName: "file"))
  var exportSheet: String?
  @Option(help: ArgumentHelp("Apply the decisions filled in a CSV sheet and exit.", valueName: "file"))
  var applySheet: String?

  func validate() throws {
    guard ReviewSort(rawValue: sort) != nil else { throw ValidationError("--sort: use score, frequency or date.") }
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    if exportSheet != nil && applySheet != nil { throw ValidationError("Give --export-sheet or --apply-sheet, not both.") }
  }

  var options: ReviewOptions { ReviewOptions(sort: ReviewSort(rawValue: sort) ?? .score, filter: filter, limit: limit) }

  var reviewerName: String {
    let env = ProcessInfo.processInfo.environment
    for name in [reviewer, env["USER"], env["LOGNAME"]] { if let n = name, !n.isEmpty { return n } }
    return "reviewer"
  }

  func run() throws {
    let path = try glossaryOptions.path()
    let storage = ReviewFileStorage(path: path)
    if let exportSheet {
      let sheet = ReviewSheet.export(try storage.read(), options: options, normalizer: try MatchKeyNormalizer())
      var out = Output()
      out.write(sheet)
      try out.finish(to: exportSheet)
      return
    }
    if let applySheet { return try apply(sheet: applySheet, to: storage) }
    guard Terminal.stdinIsTerminal && Terminal.stdoutIsTerminal else {
      Failure.printError(
        """
        review needs a terminal (standard input and output). Without one, use the sheet workflow:
          glossary review --glossary \(path) --export-sheet review.csv
          (fill the decision column: accept, reject, edit + new_target, variant, deprecate + replacement, skip)
          glossary review --glossary \(path) --apply-sheet review.csv
        """)
      throw ExitCode(ExitStatus.usage)
    }
    let session = try ReviewSession(storage: storage, options: options, reviewer: reviewerName, today: ISODate.today())
    if session.isFinished {
      print("\(path): no candidates to review" + (filter == nil ? "" : " matching \"\(filter!)\""))
      return
    }
    let glossary = try GlossaryStore.load(path: path)
    let corpusEvidence = try corpus.map { try ReviewCorpusEvidence(folder: $0, highlighter: session.highlighter) }
    let summary = try ReviewLoop(
      session: session, path: path, corpus: corpusEvidence, languages: (glossary.sourceLanguage, glossary.targetLanguage)
    ).run()
    print(summary)
  }

  private func apply(sheet: String, to storage: ReviewStorage) throws {
    guard let data = FileManager.default.contents(atPath: sheet) else { throw GlossaryError.notFound(path: sheet) }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ReviewError.badSheet(path: sheet, line: 0, reason: "not UTF-8 (save it as \"CSV UTF-8\")")
    }
    let report = try ReviewSheet.apply(sheet: text, sheetPath: sheet, to: storage, reviewer: reviewerName, date: ISODate.today())
    var summary = "\(storage.path): applied \(report.applied) decision\(report.applied == 1 ? "" : "s")"
    if report.notChosen > 0 { summary += ", \(report.notChosen) not-chosen candidate\(report.notChosen == 1 ? "" : "s") rejected" }
    if report.unchanged > 0 { summary += ", \(report.unchanged) already applied" }
    if report.undecided > 0 { summary += ", \(report.undecided) left for later" }
    print(summary)
    if !report.problems.isEmpty {
      throw ReviewError.sheetRows(path: sheet, problems: report.problems, applied: report.applied)
    }
  }
}
