import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct WordAlignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "wordalign", abstract: "Align the words of sentence-aligned text (Pharaoh i-j output) (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary wordalign' is not built yet") }
}
