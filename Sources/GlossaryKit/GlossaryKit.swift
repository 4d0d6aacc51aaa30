@_exported import GlossaryText
