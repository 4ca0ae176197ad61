//! Interop: the official Rust SDK (`azure_security_keyvault_keys` with `azure_identity`) against
//! an emulated HSM — create, list, sign, verify, wrap, unwrap, delete, recover and purge — with
//! the emulator's CA as the transport's trust and its authority as the custom cloud.

use azure_core::credentials::Secret;
use azure_core::http::{ClientOptions, RequestContent, Transport};
use azure_security_keyvault_keys::models::{
    CreateKeyParameters, EncryptionAlgorithm, KeyOperationParameters, KeyType, SignParameters,
    SignatureAlgorithm, VerifyParameters,
};
use azure_security_keyvault_keys::{KeyClient, KeyClientOptions, ResourceExt as _};
use futures::TryStreamExt;
use std::sync::Arc;

use crate::harness::Emu;

#[test]
fn azure_security_keyvault_keys_against_the_emulator() {
    let emu = Emu::start_with(&["--provision-delay-ms", "0", "--pre-activate"]);
    let admins = format!(
        "{} {}",
        emu.oid("security-team"),
        emu.oid("subscription-admin")
    );
    let hsm = emu
        .mhsm(
            "hsm-operator",
            &[
                "create",
                "--hsm-name",
                "rust-sdk-hsm",
                "-g",
                "rg-hsm",
                "-l",
                "eastus2",
                "--administrators",
                &admins,
                "--retention-days",
                "7",
            ],
        )
        .ok()
        .json();
    let uri = hsm["properties"]["hsmUri"].as_str().unwrap().to_string();
    let admin = emu.oid("subscription-admin");
    for role in ["Managed HSM Crypto User", "Managed HSM Crypto Officer"] {
        emu.mhsm(
            "security-officer",
            &[
                "role",
                "assignment",
                "create",
                "--hsm-name",
                "rust-sdk-hsm",
                "--role",
                role,
                "--scope",
                "/keys",
                "--assignee-object-id",
                &admin,
            ],
        )
        .ok();
    }
    let sp = emu.principal("subscription-admin");
    let client_id = sp["client_id"].as_str().unwrap().to_string();
    let secret = sp["credential"]["client_secret"]["client_secret"]
        .as_str()
        .unwrap()
        .to_string();
    let tenant = emu.tenant();
    let authority = emu.control_url();
    let http = emu.http();

    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let transport = Transport::new(Arc::new(http));
        let mut cloud = azure_core::cloud::CustomConfiguration::default();
        cloud.authority_host = authority;
        let credential = azure_identity::ClientSecretCredential::new(
            &tenant,
            client_id,
            Secret::new(secret),
            Some(azure_identity::ClientSecretCredentialOptions {
                client_options: ClientOptions {
                    transport: Some(transport.clone()),
                    cloud: Some(Arc::new(cloud.into())),
                    ..Default::default()
                },
            }),
        )
        .unwrap();
        let client = KeyClient::new(
            &uri,
            credential,
            Some(KeyClientOptions {
                client_options: ClientOptions {
                    transport: Some(transport),
                    ..Default::default()
                },
                // A loopback HSM is not under the challenge resource's domain (as az passes too).
                verify_challenge_resource: Some(false),
                ..Default::default()
            }),
        )
        .unwrap();

        let params = CreateKeyParameters {
            kty: Some(KeyType::RsaHsm),
            key_size: Some(2048),
            ..Default::default()
        };
        let key = client
            .create_key("sdk-key", RequestContent::try_from(params).unwrap(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let id = key.resource_id().unwrap();
        assert_eq!(id.name, "sdk-key");
        let version = id.version.clone().unwrap();

        let mut names = Vec::new();
        let mut pager = client.list_key_properties(None).unwrap();
        while let Some(k) = pager.try_next().await.unwrap() {
            names.push(k.resource_id().unwrap().name);
        }
        assert!(names.contains(&"sdk-key".to_string()), "{names:?}");

        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, b"rust sdk")
            .as_ref()
            .to_vec();
        let sig = client
            .sign(
                "sdk-key",
                RequestContent::try_from(SignParameters {
                    algorithm: Some(SignatureAlgorithm::Rs256),
                    value: Some(digest.clone()),
                })
                .unwrap(),
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let signature = sig.result.clone().unwrap();
        let verified = client
            .verify(
                "sdk-key",
                &version,
                RequestContent::try_from(VerifyParameters {
                    algorithm: Some(SignatureAlgorithm::Rs256),
                    digest: Some(digest.clone()),
                    signature: Some(signature),
                })
                .unwrap(),
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(verified.value, Some(true));

        let cek = vec![42u8; 32];
        let wrap = KeyOperationParameters {
            algorithm: Some(EncryptionAlgorithm::RsaOaep256),
            value: Some(cek.clone()),
            ..Default::default()
        };
        let wrapped = client
            .wrap_key("sdk-key", RequestContent::try_from(wrap).unwrap(), None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        let unwrap = KeyOperationParameters {
            algorithm: Some(EncryptionAlgorithm::RsaOaep256),
            value: wrapped.result.clone(),
            ..Default::default()
        };
        let unwrapped = client
            .unwrap_key(
                "sdk-key",
                &version,
                RequestContent::try_from(unwrap).unwrap(),
                None,
            )
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert_eq!(unwrapped.result, Some(cek));

        let deleted = client
            .delete_key("sdk-key", None)
            .await
            .unwrap()
            .into_model()
            .unwrap();
        assert!(
            deleted
                .recovery_id
                .unwrap()
                .ends_with("/deletedkeys/sdk-key")
        );
        client.get_deleted_key("sdk-key", None).await.unwrap();
        client.recover_deleted_key("sdk-key", None).await.unwrap();
        client.get_key("sdk-key", None).await.unwrap();
        client.delete_key("sdk-key", None).await.unwrap();
        client.purge_deleted_key("sdk-key", None).await.unwrap();
        let gone = client.get_deleted_key("sdk-key", None).await;
        assert!(gone.is_err(), "purged");
    });
}
