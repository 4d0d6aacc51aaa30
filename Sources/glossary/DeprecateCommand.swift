import ArgumentParser
import GlossaryKit

// Placeholder: replaced by the issue that builds this subcommand.
struct DeprecateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "deprecate", abstract: "Mark a rendering deprecated, with its replacement (not built yet)", shouldDisplay: false)
  func run() throws { throw ValidationError("'glossary deprecate' is not built yet") }
}
