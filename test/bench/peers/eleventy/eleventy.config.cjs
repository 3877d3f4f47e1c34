// Eleventy site for the "site" benchmark: the same corpus as Postwright, with
// minimal templates (post pages, a paginated index, tag pages) copied into the
// input folder by site.bench.ts. Input and output folders come from the command line.
module.exports = function (config) {
  config.addGlobalData('layout', 'post.njk');
  config.addCollection('posts', (api) => api.getFilteredByGlob('**/*.md').filter((p) => !p.data.draft).sort((a, b) => b.date - a.date));
  config.addCollection('tagList', (api) => [...new Set(api.getFilteredByGlob('**/*.md').flatMap((p) => p.data.tags || []))]);
  return { templateFormats: ['md', 'njk'], markdownTemplateEngine: false };
};
