import ArgumentParser
import Foundation
import GlossaryKit

struct WordAlignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wordalign",
    abstract: "Align the words of sentence-aligned text (Pharaoh i-j output).",
    discussion: """
      SOURCE and TARGET hold one sentence per line, line n of one translating line n of the other. \
      Prints one line per sentence pair: links `i-j` (source token i, target token j, 0-based). \
      The model (IBM Model 1, then an HMM with jump distributions, both directions trained by \
      agreement) is trained on SOURCE/TARGET plus the --train-* pairs; CC-CEDICT glosses act as priors.

      Examples:
        glossary wordalign --lexicon cedict_ts.u8 release.zh.txt release.en.txt
        glossary wordalign --pretokenized zh.tok en.tok --train-source more.zh --train-target more.en
      """
  )

  @Argument(help: "Source sentences, one per line.") var source: String
  @Argument(help: "Target sentences, one per line (same line count as SOURCE).") var target: String
  @Flag(help: "SOURCE/TARGET tokens are separated by spaces; link indices count those tokens.")
  var pretokenized = false
  @Option(help: "Extra raw training sentences (source side, one per line).") var trainSource: String?
  @Option(help: "Extra raw training sentences (target side, one per line).") var trainTarget: String?
  @Option(help: "CC-CEDICT-format lexicon: headwords merged into units, glosses used as priors.")
  var lexicon: String?
  @Option(help: "grow-diag-final-and (default), grow-diag, intersect or union.")
  var symmetrize: String = Symmetrization.growDiagFinalAnd.rawValue
  @Option(help: "ICU language code of SOURCE (default zh).") var sourceLang = "zh"
  @Option(help: "ICU language code of TARGET (default en).") var targetLang = "en"
  @Option(help: "Iterations as MODEL1,HMM (default 2,6).") var iterations: String?

  func validate() throws {
    if Symmetrization(rawValue: symmetrize) == nil {
      throw ValidationError("Unknown --symmetrize '\(symmetrize)': use \(Symmetrization.allCases.map(\.rawValue).joined(separator: ", ")).")
    }
    if (trainSource == nil) != (trainTarget == nil) {
      throw ValidationError("Give --train-source and --train-target together.")
    }
    if let iterations, parseIterations(iterations) == nil {
      throw ValidationError("--iterations takes MODEL1,HMM counts such as 2,6.")
    }
  }

  private func parseIterations(_ s: String) -> (Int, Int)? {
    let parts = s.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let m1 = parts[0], let h = parts[1], m1 >= 0, h >= 0, m1 + h > 0 else { return nil }
    return (m1, h)
  }

  func run() throws {
    let (src, tgt) = try readPair(source, target)
    var job = WordAlignJob(source: src, target: tgt, sourceLanguage: try Language(sourceLang),
                           targetLanguage: try Language(targetLang))
    job.pretokenized = pretokenized
    if let trainSource, let trainTarget {
      (job.trainSource, job.trainTarget) = try readPair(trainSource, trainTarget)
    }
    if let lexicon { job.lexicon = try Lexicon.load(path: lexicon) }
    job.symmetrization = Symmetrization(rawValue: symmetrize) ?? .growDiagFinalAnd
    if let iterations, let (m1, h) = parseIterations(iterations) {
      job.options.model1Iterations = m1
      job.options.hmmIterations = h
    }
    var out = Output()
    for links in try job.run() { out.line(Pharaoh.format(links)) }
    try out.finish()
  }

  private func readPair(_ a: String, _ b: String) throws -> ([String], [String]) {
    let x = WordAlignJob.lines(of: try TextDecoder.read(path: a))
    let y = WordAlignJob.lines(of: try TextDecoder.read(path: b))
    guard x.count == y.count else {
      throw WordAlignError.lineCountMismatch(sourcePath: a, sourceLines: x.count, targetPath: b, targetLines: y.count)
    }
    return (x, y)
  }
}
