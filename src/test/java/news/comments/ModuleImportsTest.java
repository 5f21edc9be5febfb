package news.comments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link ModuleImports} reads as an import, and what it leaves alone: it must see every edge and invent none. */
class ModuleImportsTest {

    @Test
    void shouldReadEveryFormOfStaticImport() {
        String source = """
                import { a, b } from './ab.js';
                import {
                  c,
                  d as e
                } from "./cd.js";
                import f from './f.js';
                import * as g from '../g.js';
                import h, { i } from '/shared/hi.js';
                import './side-effect.js';
                """;
        assertEquals(List.of("./ab.js", "./cd.js", "./f.js", "../g.js", "/shared/hi.js", "./side-effect.js"),
                ModuleImports.of(source));
    }

    @Test
    void shouldReadReExportsAndNoOtherExport() {
        String source = """
                export { a } from './a.js';
                export * from './all.js';
                export * as ns from './ns.js';
                export const from = 'no.js';
                export function load() { return from; }
                export { load as again };
                export default 'not/a/module.js';
                """;
        assertEquals(List.of("./a.js", "./all.js", "./ns.js"), ModuleImports.of(source));
    }

    @Test
    void shouldReadDynamicImportsOfALiteralPathOnly() {
        String source = """
                import('./lazy.js').then((m) => m.start());
                await import("./with-options.js", { with: {} });
                const t = import(`./template.js`);
                import(url);
                import('./computed' + name + '.js');
                import(`./${name}.js`);
                new URL('section.js', import.meta.url);
                loader.import('./a-method.js');
                """;
        assertEquals(List.of("./lazy.js", "./with-options.js", "./template.js"), ModuleImports.of(source));
    }

    @Test
    void shouldFindNoImportInCommentsStringsOrTemplates() {
        String source = """
                // import { a } from './line-comment.js';
                /* export * from './block-comment.js';
                   import('./still-comment.js') */
                const s = "import './double.js'";
                const q = 'export { x } from "./single.js"';
                const t = `import('./template.js') ${flag ? 'x' : "y"} import './after-substitution.js'`;
                """;
        assertEquals(List.of(), ModuleImports.of(source));
    }

    @Test
    void shouldTellRegularExpressionsFromDivisions() {
        String source = """
                const quote = /['"]\\/\\/[^/]*/g; import('./after-regex.js');
                const ratio = width / height; import('./after-division.js'); const half = 1 / 2;
                const inClass = /[/'"]/.test(s); import('./after-class.js');
                """;
        assertEquals(List.of("./after-regex.js", "./after-division.js", "./after-class.js"),
                ModuleImports.of(source));
    }

    @Test
    void shouldReadImportsInsideATemplatesSubstitution() {
        assertEquals(List.of("./inside.js"), ModuleImports.of("const m = `${await import('./inside.js')}`;"));
    }
}
