"""stackql-docgen: StackQL reference pages from AWS CloudFormation resource schemas."""

__version__ = "0.1.0"
