// The @nestjs/swagger plugin as a ts-jest AST transformer, with the options api/scripts/build.js uses,
// so the app under test serves the same OpenAPI document as the built one.
const swaggerPlugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
// Bump when the options change, so ts-jest's cache does not keep files compiled without them.
module.exports.version = 1;
module.exports.factory = (compiler) => swaggerPlugin.before({ introspectComments: true, classValidatorShim: true }, compiler.program);
