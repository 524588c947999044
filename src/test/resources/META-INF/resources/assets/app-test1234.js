// test stand-in for a content-hashed bundle of the built web app
document.getElementById('app').dataset.started = 'timebank-webapp-test-bundle';
