"""The command-line skin: `srom` and its sub-commands, thin wrappers over the library."""
