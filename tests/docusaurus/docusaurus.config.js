// The smallest Docusaurus 3 site that takes a stackql-docgen output folder (DOCS_DIR) as its
// docs root, as StackQL's provider sites do. Every broken link fails the build.
const docsDir = process.env.DOCS_DIR;
if (!docsDir) {
  throw new Error('DOCS_DIR must name the generated output folder');
}

module.exports = {
  title: 'stackql-docgen check',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {hooks: {onBrokenMarkdownLinks: 'throw'}},
  presets: [
    [
      'classic',
      {
        docs: {path: docsDir, routeBasePath: 'providers'},
        blog: false,
      },
    ],
  ],
};
