import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "extract", abstract: "Mine recurring formulations from a corpus into glossary candidates (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary extract' is not built yet") }
}
