import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct AnnotateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "annotate", abstract: "Mark every glossary term in a text (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary annotate' is not built yet") }
}
