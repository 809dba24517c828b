// Stands in for StackQL's own component of the same path (a code span with a copy button).
import React from 'react';

export default function CopyableCode({code}) {
  return <code className="copyable-code">{code}</code>;
}
