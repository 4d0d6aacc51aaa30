import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Check a translation against the glossary (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary check' is not built yet") }
}
