package io.packit.pipeline.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.NamedArgumentListExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;

/**
 * A Jenkinsfile parsed by Groovy 2.4 (to the CONVERSION phase) into a tree of blocks: each statement that is a
 * method call ({@code stage('x') { ... }}, {@code steps { ... }}, {@code packitSrpm(node: ...)}) becomes a
 * {@link Block} with its arguments and, when its last argument is a closure, the blocks of that closure.
 */
public final class JenkinsfileTree {
    /**
     * One method-call statement.
     *
     * @param name      the method name
     * @param arguments positional arguments other than the trailing closure
     * @param named     named arguments ({@code node: '...'}), as Groovy expressions
     * @param children  the statements of the trailing closure; empty when there is none
     * @param others    statements of the trailing closure that are not method calls (never written by the renderer)
     */
    public record Block(String name, List<Expression> arguments, Map<String, Expression> named, List<Block> children,
            List<Statement> others) {
        /** The children called {@code childName}. */
        public List<Block> all(String childName) {
            return children.stream().filter(child -> child.name.equals(childName)).toList();
        }

        /** The only child called {@code childName}, if any. */
        public Optional<Block> one(String childName) {
            var found = all(childName);
            if (found.size() > 1) {
                throw new IllegalStateException(name + " has " + found.size() + " '" + childName + "' blocks");
            }
            return found.stream().findFirst();
        }

        /** The first positional argument as a string constant (a stage name). */
        public Optional<String> literalArgument() {
            if (!arguments.isEmpty() && arguments.get(0) instanceof ConstantExpression constant
                    && constant.getValue() instanceof String text) {
                return Optional.of(text);
            }
            return Optional.empty();
        }

        /** Named argument {@code key} as a string constant. */
        public Optional<String> string(String key) {
            return Optional.ofNullable(named.get(key)).flatMap(JenkinsfileTree::constantString);
        }

        /** Named argument {@code key} as a list of string constants. */
        public Optional<List<String>> strings(String key) {
            if (!(named.get(key) instanceof ListExpression list)) {
                return Optional.empty();
            }
            var values = new ArrayList<String>();
            for (var element : list.getExpressions()) {
                values.add(constantString(element).orElseThrow(
                        () -> new IllegalStateException("not a string literal in " + key + ": " + element.getText())));
            }
            return Optional.of(values);
        }
    }

    private final ModuleNode module;
    private final Block root;

    private JenkinsfileTree(ModuleNode module, Block root) {
        this.module = module;
        this.root = root;
    }

    /** Parses {@code text}; fails when it is not Groovy or its only statement is not {@code pipeline { ... }}. */
    public static JenkinsfileTree parse(String text) {
        var unit = new CompilationUnit(new CompilerConfiguration());
        unit.addSource("Jenkinsfile", text);
        unit.compile(Phases.CONVERSION);
        var module = unit.getAST().getModules().get(0);
        var statements = module.getStatementBlock().getStatements();
        if (statements.size() != 1 || block(statements.get(0)).isEmpty()) {
            throw new IllegalStateException("a Jenkinsfile must hold exactly one pipeline { } statement");
        }
        return new JenkinsfileTree(module, block(statements.get(0)).get());
    }

    /** The {@code pipeline} block. */
    public Block pipeline() {
        return root;
    }

    /** Visits every method call and constant of the file (for the security test). */
    public void visit(Consumer<MethodCallExpression> calls, Consumer<ConstantExpression> constants) {
        var visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                calls.accept(call);
                super.visitMethodCallExpression(call);
            }

            @Override
            public void visitConstantExpression(ConstantExpression expression) {
                constants.accept(expression);
                super.visitConstantExpression(expression);
            }
        };
        module.getStatementBlock().visit(visitor);
        if (!module.getClasses().isEmpty() && module.getClasses().size() > 1) {
            throw new IllegalStateException("the Jenkinsfile declares classes");
        }
        if (!module.getMethods().isEmpty()) {
            throw new IllegalStateException("the Jenkinsfile declares methods");
        }
    }

    static Optional<String> constantString(ASTNode expression) {
        if (expression instanceof ConstantExpression constant && constant.getValue() instanceof String text) {
            return Optional.of(text);
        }
        return Optional.empty();
    }

    private static Optional<Block> block(Statement statement) {
        if (!(statement instanceof ExpressionStatement expressionStatement)
                || !(expressionStatement.getExpression() instanceof MethodCallExpression call)) {
            return Optional.empty();
        }
        var positional = new ArrayList<Expression>();
        var named = new LinkedHashMap<String, Expression>();
        var children = new ArrayList<Block>();
        var others = new ArrayList<Statement>();
        var arguments = call.getArguments() instanceof TupleExpression tuple ? tuple.getExpressions() : List.of(call.getArguments());
        for (int i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            if (argument instanceof NamedArgumentListExpression || argument instanceof MapExpression) {
                for (MapEntryExpression entry : ((MapExpression) argument).getMapEntryExpressions()) {
                    named.put(constantString(entry.getKeyExpression()).orElse("?" + entry.getKeyExpression().getText()),
                            entry.getValueExpression());
                }
            } else if (argument instanceof ClosureExpression closure && i == arguments.size() - 1) {
                var body = closure.getCode() instanceof BlockStatement blockStatement
                        ? blockStatement.getStatements() : List.of(closure.getCode());
                for (var inner : body) {
                    block(inner).ifPresentOrElse(children::add, () -> others.add(inner));
                }
            } else {
                positional.add(argument);
            }
        }
        if (call.getArguments() instanceof ArgumentListExpression || call.getArguments() instanceof TupleExpression) {
            return Optional.of(new Block(call.getMethodAsString(), positional, named, children, others));
        }
        return Optional.of(new Block(call.getMethodAsString(), positional, named, children, others));
    }
}
