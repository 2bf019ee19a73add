// The trivial local textlint rule the benchmark times: visit every text node, look for "TODO:".
// textlint's cost here is its own (reading, parsing to an AST, traversing), not the rule's.
'use strict';
module.exports = function noTodo(context) {
  const { Syntax, RuleError, report, getSource } = context;
  return {
    [Syntax.Str](node) {
      const index = getSource(node).indexOf('TODO:');
      if (index >= 0) report(node, new RuleError('TODO found', { index }));
    },
  };
};
