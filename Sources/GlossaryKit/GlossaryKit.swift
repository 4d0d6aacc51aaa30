@_exported import GlossaryText
@_exported import GlossaryAlign
