import ArgumentParser
import GlossaryKit

struct NormalizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "normalize",
    abstract: "Print the match key (or display text) of each input line.",
    discussion: """
      Match keys are what glossary compares: NFKC case-folded, Traditional to Simplified, \
      full-width to half-width, one form of quotes, dashes and spaces. Display text is the \
      decoded original in NFC. One output line per input line.

      Examples:
        printf '國家主席習近平\\nＣＯＶＩＤ－１９\\n' | glossary normalize --key
        glossary normalize --pinyin names.txt
      """
  )

  enum Face: EnumerableFlag {
    case key, display
    static func help(for value: Face) -> ArgumentHelp? {
      value == .key ? "Print match keys (default)." : "Print display text (decoded, LF, NFC)."
    }
  }

  @Flag(exclusivity: .exclusive) var face: Face = .key
  @Flag(help: "Print toneless pinyin keys (Han-Latin, letters and digits only), e.g. 习近平 -> xijinping.")
  var pinyin = false
  @Argument(help: "Input file, or - for standard input (default).") var file: String = "-"

  func run() throws {
    let document = try TextDocument(contentsOf: file)
    let normalizer = try MatchKeyNormalizer()
    var out = Output()
    var lines = document.text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    for line in lines {
      if pinyin {
        out.line(normalizer.pinyinKey(String(line)))
      } else if face == .display {
        out.line(String(line))
      } else {
        out.line(normalizer.keyString(String(line)))
      }
    }
    try out.finish()
  }
}
