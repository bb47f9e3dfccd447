/* eslint-disable */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { BannerPlugin, Compilation, DefinePlugin } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { version } = require('./package.json');

const DEV_PORT = 3000;
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

/**
 * HTTPS with the certificates `npx office-addin-dev-certs install` puts into ~/.office-addin-dev-certs (Office only
 * loads add-ins from trusted https). Without them webpack-dev-server's own self-signed certificate is used.
 */
function httpsServer() {
  const file = (name) => path.join(CERT_DIR, name);
  if (!['localhost.key', 'localhost.crt', 'ca.crt'].every((name) => fs.existsSync(file(name)))) {
    console.warn(
      `Keine Entwicklerzertifikate in ${CERT_DIR}: "npx office-addin-dev-certs install" ausführen.`,
    );
    return 'https';
  }
  return {
    type: 'https',
    options: {
      key: fs.readFileSync(file('localhost.key')),
      cert: fs.readFileSync(file('localhost.crt')),
      ca: fs.readFileSync(file('ca.crt')),
    },
  };
}

/** The privacy and help pages next to taskpane.html, with the version filled in; unminified, a company may edit them. */
const staticPage = (name) =>
  new HtmlWebpackPlugin({
    filename: name,
    template: `./src/pages/${name}`,
    inject: false,
    minify: false,
    templateParameters: { version },
  });

/**
 * env.preview: the browser preview without Office (plain http, office.js not loaded). The manifest for a real address
 * is written by `npm run package` (scripts/package.ts), not here.
 */
module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const preview = Boolean(env.preview);
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              transpileOnly: true,
              compilerOptions: { noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { loadOffice: !preview },
      }),
      staticPage('privacy.html'),
      staticPage('support.html'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          // The shipped Word template, offered by the pane's "Word-Vorlage speichern".
          { from: 'templates', to: 'templates' },
          { from: 'src/pages/pages.css', to: 'pages.css' },
        ],
      }),
      new DefinePlugin({ __APP_VERSION__: JSON.stringify(version) }),
      // V8's compile hint (Chromium 136+, so Edge's WebView2 too): nearly every function of a chunk runs as soon as it
      // loads (module bodies, the first screen), so it is compiled with the script, off the main thread, instead of
      // one function at a time inside the pane's tasks. Added after minifying (which would drop the comment) and before
      // the content hashes are computed, so a file's name still stands for its bytes.
      new BannerPlugin({
        banner: '//# allFunctionsCalledOnLoad',
        raw: true,
        test: /\.js$/,
        stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE,
      }),
    ],
    performance: { hints: false },
    // webpack's own minimizer also squeezes .html and .css assets; the static pages stay readable and editable.
    optimization: { minimizeOptions: { html: false, css: false } },
    devServer: {
      port: DEV_PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: !env.WEBPACK_SERVE || preview ? 'http' : httpsServer(),
      static: false,
      open: preview ? '/taskpane.html' : false,
    },
  };
};
