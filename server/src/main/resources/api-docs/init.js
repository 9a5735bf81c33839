// Renders the server's own OpenAPI document. "Try it out" sends the bearer token typed into
// "Authorize", which swagger-ui keeps in this page's memory only.
window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  validatorUrl: null
});
